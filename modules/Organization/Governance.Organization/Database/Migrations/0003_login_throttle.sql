-- Login throttling replaces the account lockout (five wrong passwords locked an account for 15 minutes, so anyone who
-- knew a username could lock its owner out, and only existing usernames were counted). Failed sign-ins are now counted
-- per key — 'pair:<username>|<address>' (this account from this address), 'address:<address>' and
-- 'account:<username>' (this account from anywhere, with a higher threshold) — and a key that keeps failing is refused
-- for a delay that doubles with each further failure (Auth/LoginThrottle). Usernames are keys whether or not they exist.
create table organization.login_failures (
    key             text primary key,
    failures        int not null,
    last_failed_at  timestamptz not null,
    blocked_until   timestamptz
);

alter table organization.users drop column failed_attempts, drop column locked_until;
