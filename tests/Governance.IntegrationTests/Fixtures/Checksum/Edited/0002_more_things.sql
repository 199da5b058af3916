-- test fixture for MigrationTests: a new script that must not run while an applied one has changed
create table checksum.more_things (id int primary key);
