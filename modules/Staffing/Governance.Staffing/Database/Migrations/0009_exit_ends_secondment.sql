-- 出编 now ends the person's active secondment on the exit date (已期满: the post they were seconded from is gone).
-- Exits recorded before that left such secondments active; they end here the same way, each with its timeline line.
with ended as (
    update staffing.secondees s set state = 'ended', ended_on = h.exited_on, version = s.version + 1
    from staffing.people p,
         lateral (select exited_on, exit_document as document from staffing.holdings
                  where person_id = p.id order by exited_on desc limit 1) h
    where p.id = s.person_id and p.state = 'exited' and s.state = 'active'
    returning s.id, h.document
)
insert into staffing.secondee_events (id, record_id, at, actor_id, actor, action, from_state, to_state, note)
select gen_random_uuid(), id, now(), null, '系统', 'end', 'active', 'ended',
       '出编后补记选派期满' || coalesce('：' || document, '')
from ended;
