-- Evaluation grants (评估任务): a county admin grants a third-party evaluator organisation read access for one
-- evaluation — the region (a county, or a province for a province-wide evaluation), optionally narrowed to chosen
-- townships, the period of data it may see, the modules, and an expiry. Evaluator users and tokens belong to a grant;
-- authentication refuses them once the grant is revoked or expired.
create table organization.evaluation_grants (
    id             uuid primary key,
    organisation   text not null,                 -- 评估机构
    purpose        text not null,                 -- 评估事项
    region_id      uuid not null references organization.regions (id),
    region_path    text not null,
    township_ids   uuid[] not null default '{}',  -- empty: the whole region
    period_from    date not null,
    period_to      date not null,
    modules        text[] not null,
    expires_at     timestamptz not null,
    created_by     uuid references organization.users (id), -- null: created by a migration
    created_at     timestamptz not null,
    revoked_at     timestamptz,
    revoked_by     uuid references organization.users (id),
    revoke_reason  text,
    version        int not null default 1,
    check (period_from <= period_to),
    check (cardinality(modules) > 0)
);
create index evaluation_grants_scope
    on organization.evaluation_grants (region_path text_pattern_ops, created_at desc, id);

alter table organization.users add column grant_id uuid references organization.evaluation_grants (id);
alter table organization.api_tokens add column grant_id uuid references organization.evaluation_grants (id);
create index users_grant on organization.users (grant_id) where grant_id is not null;
create index api_tokens_grant on organization.api_tokens (grant_id) where grant_id is not null;

-- A session of a grant's user acts in one region of the grant at a time (评估范围): the grant's region, or one of its
-- chosen townships. Null: the user's own region.
alter table organization.sessions
    add column scope_region_id uuid references organization.regions (id),
    add column scope_region_path text;

-- Any change to a grant may end or narrow what its credentials reach: forget every cached credential (grants change
-- rarely; migration 0002's notice '*').
create trigger evaluation_grants_notify_update after update on organization.evaluation_grants
    for each row when (old is distinct from new) execute function organization.notify_credentials();
create trigger evaluation_grants_notify_delete after delete on organization.evaluation_grants
    for each statement execute function organization.notify_credentials();
create trigger evaluation_grants_notify_truncate after truncate on organization.evaluation_grants
    for each statement execute function organization.notify_credentials();

-- Evaluator accounts from before grants existed keep working for 30 days, each region's under one grant (a
-- township's: its county, narrowed to that township), so a county admin sees them in the grants list and can narrow,
-- renew or revoke them; after that they stop.
with holders as (
    select region_id from organization.users where role = 'evaluator'
    union
    select region_id from organization.api_tokens where role = 'evaluator'
)
insert into organization.evaluation_grants (id, organisation, purpose, region_id, region_path, township_ids,
                                            period_from, period_to, modules, expires_at, created_at)
select md5('grant:' || r.id::text)::uuid, '升级前的评估账号', '升级前已有的评估账号：请核定范围、期间和模块后重新授权',
       root.id, root.path, case when r.level = 'township' then array[r.id] else '{}'::uuid[] end,
       date '2000-01-01', (now() at time zone 'Asia/Shanghai')::date + 30,
       array['power_lists', 'service_centre', 'staffing', 'enforcement'], now() + interval '30 days', now()
from holders h
join organization.regions r on r.id = h.region_id
join organization.regions root on root.id = case when r.level = 'township' then r.parent_id else r.id end;

update organization.users set grant_id = md5('grant:' || region_id::text)::uuid where role = 'evaluator';
update organization.api_tokens set grant_id = md5('grant:' || region_id::text)::uuid where role = 'evaluator';

-- an evaluator acts only under a grant; nobody else has one
alter table organization.users add constraint users_grant_evaluator
    check ((role = 'evaluator') = (grant_id is not null));
alter table organization.api_tokens add constraint api_tokens_grant_evaluator
    check ((role = 'evaluator') = (grant_id is not null));
