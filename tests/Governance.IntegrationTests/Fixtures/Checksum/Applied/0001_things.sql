-- test fixture for MigrationTests: the text as first applied
create table checksum.things (id int primary key);
