-- 收件清单: the guide's materials as the clerk found them at registration, one row per material of the item version
-- (a snapshot of its name, form, copies and whether it is required), and what became of each: received (as an
-- original or a copy), missing, or requested in a 补正 (until resume marks it received). Applications registered
-- before this migration have no checklist.
create table service_centre.application_materials (
    application_id uuid not null references service_centre.applications (id),
    position       int not null,                    -- the guide's order
    name           text not null,
    form           text not null check (form in ('original', 'copy', 'both')),   -- what the guide asks for
    copies         int not null check (copies >= 1),
    required       boolean not null,
    status         text not null check (status in ('received', 'missing', 'requested')),
    received_form  text check (received_form in ('original', 'copy')),
    primary key (application_id, position),
    check ((status = 'received') = (received_form is not null))
);
