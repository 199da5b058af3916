-- 办件, second part: delivery (送达), 转报 upward, idempotent creation by machine clients, and list indexes.
alter table service_centre.applications drop constraint applications_state_check;
alter table service_centre.applications
    add constraint applications_state_check check (state in ('received', 'accepted', 'refused', 'suspended', 'completed', 'delivered')),
    -- where the application was first received: a village point keeps seeing what it forwarded (转报 only moves it upward,
    -- so the current holder's path is always a prefix of this one, and scope is decided on this column alone)
    add column origin_path text,
    add column county_path text,               -- the county's path: every list is ordered within one county
    add column forwarded boolean not null default false,
    add column delivery_method text check (delivery_method in ('pickup', 'post')),
    add column tracking_number text,
    add column delivered_at timestamptz,
    add column registered_by uuid,
    add column idempotency_key text,
    add column request_hash text,
    alter column visits set default 0;

update service_centre.applications
set origin_path = region_path, county_path = substring(region_path from '^/[0-9]+/[0-9]+/');
alter table service_centre.applications alter column origin_path set not null, alter column county_path set not null;

drop index service_centre.applications_scope;
create index applications_county_list on service_centre.applications (county_path, received_at desc, id desc);
create index applications_list on service_centre.applications (received_at desc, id desc);
create index applications_origin on service_centre.applications (origin_path text_pattern_ops);
create unique index applications_idempotency on service_centre.applications (registered_by, idempotency_key) where idempotency_key is not null;
create index applications_completed on service_centre.applications (completed_on) where completed_on is not null;
