-- Cheaper storage of each document. See ARCHITECTURE.md "packages/core: storage".

-- A receipt row is ~2.0-2.8 kB, above the 2 kB at which PostgreSQL toasts a
-- row: it tried pglz on the jsonb (which seldom compresses by the 25 % it
-- demands) and then moved it out of line into the TOAST table (a second heap
-- row, a TOAST index entry and their WAL per document). toast_tuple_target
-- 8160 keeps rows up to a full page inline and uncompressed; larger documents
-- are still toasted. It is a per-table option, so every monthly partition
-- carries it: the existing ones here, new ones from ensure_document_partitions.
do $$
declare
  part regclass;
begin
  for part in select inhrelid::regclass from pg_inherits where inhparent = 'documents'::regclass loop
    execute format('alter table %s set (toast_tuple_target = 8160)', part);
  end loop;
end
$$;

create or replace function ensure_document_partitions(from_day date, months integer)
returns integer
language plpgsql
as $$
declare
  first_month date := date_trunc('month', from_day)::date;
  month_start date;
  part text;
  created integer := 0;
begin
  perform pg_advisory_xact_lock(7777002);
  for i in 0 .. months - 1 loop
    month_start := (first_month + make_interval(months => i))::date;
    part := 'documents_' || to_char(month_start, 'YYYY_MM');
    if to_regclass(part) is null then
      execute format(
        'create table %I partition of documents for values from (%L) to (%L) with (toast_tuple_target = 8160)',
        part,
        to_char(month_start, 'YYYY-MM-DD') || ' 00:00:00+00',
        to_char((month_start + interval '1 month')::date, 'YYYY-MM-DD') || ' 00:00:00+00'
      );
      created := created + 1;
    end if;
  end loop;
  return created;
end;
$$;

-- The decoded FNS JSON as text rather than jsonb: jsonb parsing builds a
-- tree, sorts every object's keys and turns every number into numeric (~15 µs
-- of the server's CPU per receipt), and its binary form is ~60 % larger than
-- the text (more heap and WAL per row); even json's validation costs ~4 µs.
-- The text is JSON.stringify's output of the decoded document, valid by
-- construction and regenerable from `raw`; nothing queries inside it (the
-- query columns are extracted on ingest). Cast it (document::jsonb) to do so.
alter table documents alter column document type text using document::text;

-- Drives and registers are written only when a document changes them (a new
-- drive or register, a different INN, address, FN, backlog, key resource,
-- registration or closing), not by every document: their last FD number,
-- document time and receive instant are read from document_keys and
-- documents instead (an index probe each). What remains tells which document
-- the row's fields were last learned from, for the "newer overwrites, older
-- only fills gaps" rule.
alter table fiscal_drives drop column last_doc_time;
alter table fiscal_drives drop column last_received_at;
alter table fiscal_drives rename column last_fd_number to learned_fd_number;
alter table registers drop column last_fd_number;
alter table registers drop column last_received_at;
alter table registers rename column last_doc_time to learned_doc_time;
