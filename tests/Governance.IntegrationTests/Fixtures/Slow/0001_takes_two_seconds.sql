-- test fixture for MigrationTests: a script that outlasts a one-second command timeout, like a backfill over a large table
create table slow.done as select pg_sleep(2) is not null as slept;
