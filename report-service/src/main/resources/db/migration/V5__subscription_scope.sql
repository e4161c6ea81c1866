-- What a subscription's package covers and holds: some sources, some folders (path prefixes), some parts.
alter table subscription add column sources       text[] not null default '{}';
alter table subscription add column path_prefixes text[] not null default '{}';
alter table subscription add column contents      text[] not null default '{}';
