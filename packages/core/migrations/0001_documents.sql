-- Fiscal documents, the registers and fiscal drives learned from them, and the
-- transactional outbox. See ARCHITECTURE.md "Storage".

-- Every stored document, partitioned by month of receipt (UTC). The raw message
-- bytes are the legal record; everything else is derived from them.
create table documents (
  fn_number text not null,
  fd_number bigint not null,
  received_at timestamptz not null,
  form_code smallint not null,
  -- Register-local date-time (tag 1012) exactly as the register wrote it.
  doc_time timestamp,
  user_inn text,
  rnm text,
  kkt_serial text,
  shift_number bigint,
  operation_type smallint,
  -- Kopecks: 1031 cash, 1081 cashless, 1215 prepayment, 1216 credit, 1217 provision, 1020 total.
  cash_total bigint,
  ecash_total bigint,
  prepaid_total bigint,
  credit_total bigint,
  provision_total bigint,
  total_sum bigint,
  cashier text,
  buyer_contact text,
  -- Printed ФПД (protocol.md §3.6).
  fiscal_sign bigint,
  ffd_version text,
  flk_status text not null check (flk_status in ('passed', 'failed')),
  flk_violations jsonb not null default '[]',
  crypto_status text not null check (crypto_status in ('verified', 'unverified')),
  raw bytea not null,
  document jsonb not null,
  -- A unique index on a partitioned table must contain the partition key, so this
  -- key alone cannot stop a second copy of (fn, fd) in another month:
  -- document_keys below does that.
  primary key (fn_number, fd_number, received_at)
) partition by range (received_at);

create index documents_user_inn_doc_time on documents (user_inn, doc_time);
create index documents_rnm_doc_time on documents (rnm, doc_time);

-- Catches rows outside every monthly partition so an insert never fails for a
-- missing month; maintenance keeps months ahead so it stays empty.
create table documents_default partition of documents default;

-- Idempotency: one row per (fn, fd) over all time, inserted in the same
-- transaction as the document. received_at locates the document's partition.
create table document_keys (
  fn_number text not null,
  fd_number bigint not null,
  received_at timestamptz not null,
  primary key (fn_number, fd_number)
);

-- Creates the monthly partitions of `documents` for `months` months starting
-- with the month of `from_day` (UTC bounds); returns how many were created.
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
        'create table %I partition of documents for values from (%L) to (%L)',
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

select ensure_document_partitions(((now() at time zone 'utc') - interval '1 month')::date, 4);

-- Cash registers (ККТ) as learned from their documents, keyed by RNM (1037).
create table registers (
  rnm text primary key,
  kkt_serial text,
  user_inn text,
  user_name text,
  address text,
  place text,
  kkt_version text,
  fn_number text,
  ffd_version text,
  last_fd_number bigint,
  last_doc_time timestamp,
  last_received_at timestamptz not null,
  first_seen_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index registers_user_inn on registers (user_inn);

-- Fiscal drives (ФН), keyed by FN number (1041).
create table fiscal_drives (
  fn_number text primary key,
  rnm text,
  user_inn text,
  last_fd_number bigint not null,
  last_doc_time timestamp,
  last_received_at timestamptz not null,
  -- Backlog the drive reported (1097 count, 1098 oldest date-time, 1116 first FD).
  backlog_count bigint,
  backlog_oldest_time timestamp,
  backlog_first_fd bigint,
  backlog_reported_fd bigint,
  -- 1213 key resource in days, and the expiry day it implies.
  key_resource_days integer,
  expires_on date,
  registered_at timestamp,
  closed_at timestamp,
  first_seen_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index fiscal_drives_rnm on fiscal_drives (rnm);
create index fiscal_drives_user_inn on fiscal_drives (user_inn);

-- Transactional outbox: written in the same transaction as the documents;
-- workers claim rows with `for update skip locked`.
create table outbox (
  id bigserial primary key,
  topic text not null,
  payload jsonb not null,
  created_at timestamptz not null default now(),
  available_at timestamptz not null default now(),
  attempts integer not null default 0,
  locked_until timestamptz,
  done_at timestamptz,
  last_error text
);
create index outbox_pending on outbox (topic, available_at, id) where done_at is null;
