-- A workbook is stored in chunks (aclens.report.content-chunk, 256 KiB): a million-folder client's is about 100 MB, and neither the report
-- service nor the database should hold it whole to store or serve it.
create table report_content_chunk (
    report_id bigint  not null references report (report_id) on delete cascade,
    chunk_no  integer not null,
    content   bytea   not null,
    primary key (report_id, chunk_no)
);
insert into report_content_chunk (report_id, chunk_no, content) select report_id, 0, content from report_content;
drop table report_content;
