-- One shape for every workflow's timeline (SharedKernel's WorkflowEvents): the admission timeline's request_id and
-- comment become record_id and note, as in the other modules' timelines.
alter table power_lists.admission_events rename column request_id to record_id;
alter table power_lists.admission_events rename column comment to note;
alter table power_lists.admission_events add column actor_id uuid;
alter index power_lists.admission_events_request rename to admission_events_record;
