-- Credential notices: the API keeps resolved sessions and tokens in a short-lived in-process cache
-- (Auth/CredentialCache) and evicts them when it hears a notice on channel organization_credentials. The notices
-- come from triggers, so every change that ends or alters a credential sends one — the API's own (logout, disabling a
-- user, revoking a token) as much as a DBA's hand-written UPDATE — and, being NOTIFY, only when it commits.
-- Payloads: 's:<hex of a session's token_hash>', 't:<hex of a token's token_hash>', 'u:<user id>', '*' (everything).
create function organization.notify_credentials() returns trigger language plpgsql as $$
begin
    if tg_level = 'STATEMENT' then
        perform pg_notify('organization_credentials', '*'); -- a TRUNCATE
    elsif tg_table_name = 'sessions' then
        perform pg_notify('organization_credentials', 's:' || encode(old.token_hash, 'hex'));
    elsif tg_table_name = 'api_tokens' then
        perform pg_notify('organization_credentials', 't:' || encode(old.token_hash, 'hex'));
    else
        perform pg_notify('organization_credentials', 'u:' || old.id::text);
    end if;
    return null;
end $$;

-- a session row changes only to end it (revoked_at) — any change evicts it
create trigger sessions_notify_update after update on organization.sessions
    for each row when (old is distinct from new) execute function organization.notify_credentials();
create trigger sessions_notify_delete after delete on organization.sessions
    for each row execute function organization.notify_credentials();
create trigger sessions_notify_truncate after truncate on organization.sessions
    for each statement execute function organization.notify_credentials();

-- a token's last use (written at most once a minute) changes nothing the cache holds
create trigger api_tokens_notify_update after update on organization.api_tokens
    for each row when (old.revoked_at is distinct from new.revoked_at or old.expires_at is distinct from new.expires_at
                       or old.token_hash is distinct from new.token_hash or old.role is distinct from new.role
                       or old.region_id is distinct from new.region_id
                       or old.region_path is distinct from new.region_path or old.name is distinct from new.name)
    execute function organization.notify_credentials();
create trigger api_tokens_notify_delete after delete on organization.api_tokens
    for each row execute function organization.notify_credentials();
create trigger api_tokens_notify_truncate after truncate on organization.api_tokens
    for each statement execute function organization.notify_credentials();

-- what a user's sessions carry (a failed login or a lockout changes none of it)
create trigger users_notify_update after update on organization.users
    for each row when (old.disabled is distinct from new.disabled or old.role is distinct from new.role
                       or old.region_id is distinct from new.region_id
                       or old.region_path is distinct from new.region_path or old.unit_id is distinct from new.unit_id
                       or old.username is distinct from new.username)
    execute function organization.notify_credentials();
create trigger users_notify_delete after delete on organization.users
    for each row execute function organization.notify_credentials();
create trigger users_notify_truncate after truncate on organization.users
    for each statement execute function organization.notify_credentials();
