import { createHash } from 'node:crypto';
import { OUTBOX_TOPICS } from '../outbox/enqueue-outbox.js';
import { learnDrivesSql, learnRegistersSql } from '../registers/learn-registers.js';
import { INGEST_COLUMNS } from './ingest-batch.js';

// The ingest statement over the parameters of ingest-batch.ts. Every
// parameter is text (or bytea) and cast inside, so the same text runs as a
// named statement on PostgreSQL and inside a PL/pgSQL function on PGlite,
// whatever either infers for parameter types.
const n = INGEST_COLUMNS.length;
const DOCS = n + 1;
const VIOLATIONS = n + 2;
const RAW_OFFSETS = n + 3;
const RAW_LENGTHS = n + 4;
const RAWS = n + 5;
const COUNT = n + 6;
export const INGEST_PARAMS = COUNT;

// The arrays and the row count pass through the materialized CTE `p`, so
// the planner cannot see their sizes: a plan with the values known (custom)
// then costs the same as the generic one, which PostgreSQL keeps after five
// runs. Seen through, the sizes made every custom plan look cheaper and the
// statement was planned again for every batch (~3 ms).
const arrays = [
  ...INGEST_COLUMNS.map(([name, type], i) => [name, `$${i + 1}::text::${type}[]`] as const),
  ['raw_offset', `$${RAW_OFFSETS}::text::integer[]`],
  ['raw_length', `$${RAW_LENGTHS}::text::integer[]`],
] as const;
const P = `p as materialized (
  select ${arrays.map(([name, value]) => `${value} as ${name}`).join(', ')}, $${COUNT}::text::integer as count,
    $${RAWS}::bytea as raws
)`;
// Set-returning functions in the select list run in lockstep (ProjectSet);
// in FROM each would first copy its whole result into a tuplestore.
const ORDINAL = 'generate_series(1, p.count) as n';
const unnests = [...arrays.map(([name]) => `unnest(p.${name}) as ${name}`), ORDINAL].join(',\n    ');

// Columns of `documents` (migrations/0001_documents.sql) and their values in `f`.
const DOCUMENT_VALUES: readonly (readonly [string, string])[] = [
  ...INGEST_COLUMNS.slice(0, INGEST_COLUMNS.findIndex(([c]) => c === 'crypto_status') + 1)
    .map(([c]) => c)
    .filter((c) => c !== 'received_ms')
    .map((c) => [c, c] as const),
  ['received_at', 'received_at'],
  ['flk_violations', 'j.violations'],
  // The raws are cast once, in `p`: in PL/pgSQL a cast of the argument here would run per row.
  ['raw', 'substring((select raws from p) from raw_offset for raw_length)'],
  // text (migration 0004): the JSON as JSON.stringify wrote it, not re-parsed.
  ['document', 'j.document'],
];

// One statement: key rows first (`on conflict do nothing returning` tells the
// fresh keys), then the documents, outbox jobs, drives and registers of the
// fresh rows only. Being one statement it is atomic on its own and costs one
// round trip. Each document's JSON text is stored as it is (text: neither
// parsed nor validated again) and joined to its row by position only at the
// insert: it never travels through the sorts of `f`.
// Lock order: keys, drives and registers are taken in key order, so
// concurrent batches cannot deadlock.
export const INGEST_SQL = `with ${P}, j as materialized (
  select string_to_table($${DOCS}::text, E'\\n') as document,
    string_to_table($${VIOLATIONS}::text, E'\\n')::jsonb as violations, ${ORDINAL}
  from p
), r as materialized (
  select u.*, timestamptz 'epoch' + u.received_ms * interval '1 millisecond' as received_at
  from (select ${unnests} from p) as u
), k as (
  insert into document_keys (fn_number, fd_number, received_at)
  select fn_number, fd_number, received_at from r order by fn_number, fd_number
  on conflict do nothing
  returning fn_number, fd_number
), f as materialized (
  select r.* from r join k using (fn_number, fd_number)
), d as (
  insert into documents (${DOCUMENT_VALUES.map(([c]) => c).join(', ')})
  select ${DOCUMENT_VALUES.map(([, v]) => v).join(', ')} from f join j using (n)
), o as (
  insert into outbox (topic, payload)
  select '${OUTBOX_TOPICS.fnsRelay}',
    jsonb_build_object('documents', jsonb_agg(jsonb_build_array(fn_number, fd_number) order by fn_number, fd_number))
  from f having count(*) > 0
  union all
  select '${OUTBOX_TOPICS.receiptEmail}', jsonb_build_object('fnNumber', fn_number, 'fdNumber', fd_number,
    'receivedAt', received_at, 'contact', buyer_contact)
  from f where buyer_contact is not null
), fd as (
  ${learnDrivesSql('f')}
), rg as (
  ${learnRegistersSql('f')}
)
select fn_number, fd_number from k`;

// Named after a hash of the text, so a changed statement never meets a stale cache.
export const INGEST_STATEMENT = `openofd_ingest_${createHash('sha1').update(INGEST_SQL).digest('hex').slice(0, 12)}`;

// PGlite has no named statements (and no parameters in EXECUTE): a PL/pgSQL
// function in the session's temporary schema caches the plan.
// Every argument is text there (the raws as '\\x' hex, see ingest-documents.ts).
const args = Array.from({ length: INGEST_PARAMS }, (_, i) => `p${i + 1} text`);
export const INGEST_FUNCTION = `create or replace function pg_temp.${INGEST_STATEMENT}(${args.join(', ')})
returns table (stored_fn text, stored_fd bigint) language plpgsql as $ingest$
begin
  return query ${INGEST_SQL};
end
$ingest$`;
export const INGEST_FUNCTION_CALL = `select stored_fn as fn_number, stored_fd as fd_number from pg_temp.${INGEST_STATEMENT}(${Array.from(
  { length: INGEST_PARAMS },
  (_, i) => `$${i + 1}`,
).join(', ')})`;
