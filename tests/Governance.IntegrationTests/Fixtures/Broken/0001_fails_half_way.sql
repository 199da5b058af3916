-- test fixture for MigrationTests: the first statement succeeds, the second fails, so the whole script must roll back
create table broken.half_done (id int);
select 1 / 0;
