-- 更正: a recorded correction reversing the outcome an assessment grade applied at its final step (a conversion or a
-- return and bar). The finalized grade stays as it was; the correction is kept beside it, with its reason and
-- document, and the reversal's ledger lines and events point to it.
create table staffing.grade_corrections (
    id            uuid primary key,
    assessment_id uuid not null,
    secondee_id   uuid not null,
    outcome       text not null check (outcome in ('converted', 'returned')),   -- the outcome reversed
    reason        text not null,
    document_no   text not null,
    recorded_at   timestamptz not null,
    recorded_by   text not null,
    foreign key (assessment_id, secondee_id) references staffing.grades,
    unique (assessment_id, secondee_id)
);

-- a bar lifted by a correction stays as history
alter table staffing.bars add column lifted_on date, add column lifted_by uuid;
