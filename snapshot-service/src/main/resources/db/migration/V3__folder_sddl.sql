-- The security descriptor as NT sources read it (owner, group, control flags such as AI, ACEs in order), so a
-- snapshot can be compared with what the server itself prints (smbcacls --sddl, Get-Acl). Null for POSIX trees.
alter table staged_folder add column sddl text;
alter table folder_state add column sddl text;
