-- 好差评: one rating per application and channel, on five levels (5 非常满意 … 1 非常不满意).
create table service_centre.ratings (
    id              uuid primary key,
    application_id  uuid not null references service_centre.applications (id),
    origin_path     text not null,                 -- the receiving centre's path, for scope and KPIs
    channel         text not null check (channel in ('window', 'online', 'mobile', 'sms', 'qr')),
    level           int not null check (level between 1 and 5),
    comment         text,
    rated_at        timestamptz not null,
    rated_on        date not null,
    unique (application_id, channel)
);
create index ratings_origin on service_centre.ratings (origin_path text_pattern_ops, rated_at desc);

-- 差评整改: every bad rating (不满意, 非常不满意) opens one, due in N working days. Call-back (回访), rectification (整改),
-- the rater's response (评价人反馈), or an appeal (申诉) that the county decides: upheld voids the bad rating.
create table service_centre.rectifications (
    id                  uuid primary key,
    rating_id           uuid not null unique references service_centre.ratings (id),
    application_id      uuid not null references service_centre.applications (id),
    origin_path         text not null,
    region_path         text not null,             -- the centre that handled the application: it answers for the rating
    rated_on            date not null,
    opened_on           date not null,
    due_on              date not null,
    state               text not null check (state in ('open', 'called_back', 'rectified', 'closed', 'appealed', 'voided')),
    callback_note       text,
    called_back_at      timestamptz,
    rectification_note  text,
    rectified_on        date,
    rater_response      text check (rater_response in ('satisfied', 'unsatisfied')),
    rater_comment       text,
    appeal_reason       text,
    appeal_decision     text check (appeal_decision in ('upheld', 'rejected')),
    appeal_note         text,
    version             int not null default 1
);
create index rectifications_open on service_centre.rectifications (due_on) where state in ('open', 'called_back', 'appealed');
create index rectifications_origin on service_centre.rectifications (origin_path text_pattern_ops, opened_on desc, id desc);

create table service_centre.rectification_events (
    id                 uuid primary key,
    rectification_id   uuid not null references service_centre.rectifications (id),
    at                 timestamptz not null,
    actor              text not null,
    action             text not null,
    from_state         text,
    to_state           text not null,
    note               text
);
create index rectification_events_rectification on service_centre.rectification_events (rectification_id, at);
