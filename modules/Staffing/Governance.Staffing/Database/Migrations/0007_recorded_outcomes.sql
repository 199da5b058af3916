-- The outcome a final grade applied, as recorded at the final step: the township post a 优秀 converted into and how
-- many posts were vacant there then. The outcome preview of a final assessment reads these (and the bars it wrote)
-- instead of recomputing from today's vacancies, so it shows what happened, whatever the ledger does later.
alter table staffing.grades
    add column target_establishment uuid references staffing.establishments,
    add column target_vacant int check (target_vacant > 0),
    add constraint grades_target_check check (target_establishment is null or outcome = 'converted');

-- conversions finalized before this migration: the township post is the holding the person entered on the decision
-- day under the assessment's document (or, when a correction removed that holding, the post the correction vacated)
update staffing.grades g set target_establishment = coalesce(
    (select h.establishment_id from staffing.holdings h
     where h.person_id = s.person_id and h.entered_on = a.decided_on and h.entry_kind = 'transfer_in'
       and h.entry_document = a.year || '年度选派人员考核结果'
     limit 1),
    (select l.establishment_id from staffing.ledger_lines l
     join staffing.grade_corrections gc on gc.id = l.source_id
     where gc.assessment_id = g.assessment_id and gc.secondee_id = g.secondee_id and l.occupied_delta = -1
     limit 1))
from staffing.secondees s, staffing.assessments a
where s.id = g.secondee_id and a.id = g.assessment_id and g.outcome = 'converted';

-- and the vacancies there before the decision: those on the decision day plus the conversions of that day into it
-- (at least the one the conversion took)
update staffing.grades g set target_vacant = greatest(1, (
    select coalesce(sum(l.approved_delta - l.occupied_delta), 0)::int - e.reserved
           + (select count(*) from staffing.grades o
              where o.assessment_id = g.assessment_id and o.target_establishment = g.target_establishment)::int
    from staffing.establishments e
    left join staffing.ledger_lines l on l.establishment_id = e.id and l.effective_on <= a.decided_on
    where e.id = g.target_establishment
    group by e.id))
from staffing.assessments a
where a.id = g.assessment_id and g.target_establishment is not null;
