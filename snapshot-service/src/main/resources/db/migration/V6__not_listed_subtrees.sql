-- A folder whose contents could not be listed (access denied on listing, an agent that could not open it) hides its
-- sub-folders from the scan without their having gone: they keep their last known state instead of being closed as
-- removed. child_prefix is the folder's path with its separator, set only for such folders.
alter table staged_folder add column child_prefix text collate "C";
create index staged_folder_not_listed on staged_folder (scan_id) where child_prefix is not null;
