-- 领导职数: the leadership posts an approval grants a unit, within its establishment of one kind and funding (a
-- 行政机关's posts are 行政编制, an institution's 事业编制). The ledger carries them like the posts: approved leadership
-- posts and the people holding one, as deltas on dated lines, so the figures on any date are the sum of the lines up
-- to it; the ledger writer refuses, under the same establishment lock, any change after which some date would have
-- more holders than approved leadership posts (there is no 超编-style exception for them).
alter table staffing.approval_lines add column leader_posts int not null default 0;
alter table staffing.approval_lines drop constraint approval_lines_posts_check;
alter table staffing.approval_lines add constraint approval_lines_change_check check (posts <> 0 or leader_posts <> 0);

alter table staffing.ledger_lines
    add column leaders_approved_delta int not null default 0,
    add column leaders_held_delta int not null default 0 check (leaders_held_delta between -1 and 1);
alter table staffing.ledger_lines drop constraint ledger_lines_check;
alter table staffing.ledger_lines add constraint ledger_lines_change_check check (
    approved_delta <> 0 or occupied_delta <> 0 or leaders_approved_delta <> 0 or leaders_held_delta <> 0);
alter table staffing.ledger_lines drop constraint ledger_lines_movement_check;
alter table staffing.ledger_lines add constraint ledger_lines_movement_check check (movement in
    ('opening', 'approval', 'reduction', 'leaders', 'transfer_in', 'transfer_out', 'entry', 'exit'));

-- the person's post is a leadership post (领导职务) for the life of the holding
alter table staffing.holdings add column leader boolean not null default false;
