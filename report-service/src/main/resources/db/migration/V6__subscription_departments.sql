-- A package for a department's manager: the folders the department's people can reach, and only those people.
alter table subscription add column departments text[] not null default '{}';
