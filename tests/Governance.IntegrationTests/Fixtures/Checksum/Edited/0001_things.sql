-- test fixture for MigrationTests: the same script edited after it was applied (forbidden)
create table checksum.things (id int primary key, name text);
