-- 听证通知书 states where the hearing is held (行政处罚法第六十四条: 时间、地点); before this the print page
-- fell back to the team's address. Older scheduled hearings keep a null place and still print the team's address.
alter table enforcement.cases
    add column hearing_place text check (char_length(hearing_place) between 1 and 200);
