-- 联合执法 and 部门移送: a county department may be a co-owner of a township's case (and then sees it), and a
-- department that referred a lead to a township sees what became of it. Other department staff see no cases.

alter table enforcement.cases
    add column referred_by_unit_id  uuid,                -- 部门移送: the county department that referred the lead
    add column referred_by_name     text;

create table enforcement.case_co_owners (
    case_id    uuid not null references enforcement.cases (id),
    unit_id    uuid not null,                            -- organization unit (a county department)
    unit_name  text not null,
    added_on   date not null,
    added_by   text not null,
    primary key (case_id, unit_id)
);
create index case_co_owners_unit on enforcement.case_co_owners (unit_id, case_id);
create index cases_referred_by on enforcement.cases (referred_by_unit_id) where referred_by_unit_id is not null;
