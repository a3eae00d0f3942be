/**
 * Upserts of `fiscal_drives` and `registers` from the documents newly stored by
 * the ingest statement, as data-modifying CTE bodies over a CTE of those rows
 * (see ingest-documents.ts). Learning runs in SQL over exactly the rows whose
 * keys were fresh, so the whole ingest is one statement: one round trip, and
 * atomic without BEGIN/COMMIT.
 */

// The learners read the ingest rows' columns by name (ingest-batch.ts
// INGEST_COLUMNS): the document columns and user_name, address, place,
// kkt_version, backlog_*, key_resource_days, expires_on.

const REGISTRATION_FORM = 1;
const FN_CLOSE_FORM = 6;

/**
 * `(a, b, …) = (select …)`: each column as `coalesce(new, old)` when the
 * document is newer, `coalesce(old, new)` when older (an older document only
 * fills gaps). `newer` is computed once, in the sub-select (`offset 0` keeps
 * the planner from copying it into every column), for all columns.
 */
function prefer(table: string, columns: readonly string[], newer: string): string {
  const values = columns.map(
    (c) =>
      `case when newer then coalesce(excluded.${c}, ${table}.${c}) else coalesce(${table}.${c}, excluded.${c}) end`,
  );
  return `(${columns.join(', ')}) = (select ${values.join(', ')} from (select ${newer} as newer offset 0) n)`;
}

/**
 * One learned column as two SQL expressions: `agg` over a group of several
 * documents, `one` for a group of a single document (the common case: one
 * document per drive per batch), which needs no ordered aggregate.
 */
interface Learned {
  agg: string;
  one: string;
}

/** The value of `column` from the last row in `order` that passes `filter` (null when none). */
function last(column: string, order: string, filter?: string): Learned {
  return filter
    ? {
        agg: `(array_agg(${column} order by ${order}) filter (where ${filter}))[1]`,
        one: `case when ${filter} then ${column} end`,
      }
    : { agg: `(array_agg(${column} order by ${order}))[1]`, one: column };
}
const lastNonNull = (column: string, order: string) => last(column, order, `${column} is not null`);
const same = (column: string): Learned => ({ agg: column, one: column });

type Select = readonly (readonly [column: string, expression: Learned])[];

/**
 * `select` of one row per `key` from `source`, whose `count` column bounds the
 * number of rows with the same key (counted in the whole batch, before
 * duplicates were dropped): single rows pass through, the others are
 * aggregated.
 */
function learnedRows(select: Select, source: string, key: string, count: string, where = 'true'): string {
  return `select * from (
      select ${select.map(([c, e]) => `${e.one} as ${c}`).join(', ')} from ${source} where ${where} and ${count} = 1
      union all
      select ${select.map(([, e]) => e.agg).join(', ')} from ${source} where ${where} and ${count} > 1 group by ${key}
    ) learned`;
}

/** 'YYYY-MM-DD' of the day `days` after the date of a 'YYYY-MM-DD HH:MM:SS' register time. */
export function addDays(docTime: string, days: number): string {
  const d = new Date(`${docTime.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * `select` of the learned rows that would change the stored row: a column
 * the documents carry (not null) that differs from the stored one, or no
 * stored row yet. A receipt of a known register carries nothing new, so the
 * usual document costs two index probes here instead of two row updates
 * (with their WAL); the last FD, time and receive instant are not stored per
 * row but read from the documents (list-fiscal-drives.ts, list-registers.ts).
 */
function changedRows(learned: string, table: string, key: string, compared: readonly string[]): string {
  const changes = compared.map((c) => `(l.${c} is not null and l.${c} is distinct from cur.${c})`);
  // A scalar sub-select, not a join: it stays an index probe per learned row
  // whatever the planner believes of the batch's size.
  return `select l.* from (${learned}) l
    where coalesce((select ${changes.join(' or ')} from ${table} cur where cur.${key} = l.${key}), true)
    order by ${key}`;
}

const D = 'fiscal_drives';
// Newer than every document of the drive stored before this statement (the
// statement's own inserts are not visible to it). Only rows that change
// anything get here, so the probe is rare.
const DRIVE_NEWER = `excluded.learned_fd_number > coalesce((select max(k.fd_number) from document_keys k where k.fn_number = excluded.fn_number), -1)`;
const BACKLOG_NEWER = `coalesce(excluded.backlog_reported_fd, -1) > coalesce(${D}.backlog_reported_fd, -1)`;
const DRIVE_SET = [
  `learned_fd_number = greatest(excluded.learned_fd_number, ${D}.learned_fd_number)`,
  prefer(D, ['rnm', 'user_inn', 'key_resource_days', 'expires_on'], DRIVE_NEWER),
  // The backlog comes from the latest document that reports it (forms 2, 5, 21).
  ...['backlog_count', 'backlog_oldest_time', 'backlog_first_fd', 'backlog_reported_fd'].map(
    (c) => `${c} = case when ${BACKLOG_NEWER} then excluded.${c} else ${D}.${c} end`,
  ),
  `registered_at = coalesce(excluded.registered_at, ${D}.registered_at)`,
  `closed_at = coalesce(excluded.closed_at, ${D}.closed_at)`,
  'updated_at = now()',
];

// Per drive, in FD order: the latest FD, the latest non-null of each field.
const BY_FD = 'fd_number desc';
const KEY_RESOURCE = 'key_resource_days is not null and doc_time is not null';
const DRIVE_SELECT: Select = [
  ['fn_number', same('fn_number')],
  ['rnm', lastNonNull('rnm', BY_FD)],
  ['user_inn', lastNonNull('user_inn', BY_FD)],
  ['learned_fd_number', { agg: 'max(fd_number)', one: 'fd_number' }],
  ['backlog_count', last('backlog_count', BY_FD, 'backlog_count is not null')],
  ['backlog_oldest_time', last('backlog_oldest_time', BY_FD, 'backlog_count is not null')],
  ['backlog_first_fd', last('backlog_first_fd', BY_FD, 'backlog_count is not null')],
  [
    'backlog_reported_fd',
    {
      agg: 'max(fd_number) filter (where backlog_count is not null)',
      one: 'case when backlog_count is not null then fd_number end',
    },
  ],
  ['key_resource_days', last('key_resource_days', BY_FD, KEY_RESOURCE)],
  ['expires_on', last('expires_on', BY_FD, KEY_RESOURCE)],
  ['registered_at', last('doc_time', BY_FD, `form_code = ${REGISTRATION_FORM}`)],
  ['closed_at', last('doc_time', BY_FD, `form_code = ${FN_CLOSE_FORM}`)],
];
const DRIVE_COMPARED = DRIVE_SELECT.map(([c]) => c).filter(
  (c) => c !== 'fn_number' && c !== 'learned_fd_number',
);

/**
 * CTE body: upserts the `fiscal_drives` rows that the rows of `source` change,
 * one per FN; `source`'s column `fn_docs` bounds the rows of the same FN.
 */
export function learnDrivesSql(source: string): string {
  return `insert into ${D} (${DRIVE_SELECT.map(([c]) => c).join(', ')})
    ${changedRows(learnedRows(DRIVE_SELECT, source, 'fn_number', 'fn_docs'), D, 'fn_number', DRIVE_COMPARED)}
    on conflict (fn_number) do update set ${DRIVE_SET.join(', ')}`;
}

const R = 'registers';
// A register's documents are ordered by its own clock; a late retransmission
// of an old document must not roll the register back. Compared with every
// document of the register stored before this statement.
const REGISTER_NEWER = `coalesce(excluded.learned_doc_time, '-infinity') >= coalesce((select max(d.doc_time) from documents d where d.rnm = excluded.rnm), '-infinity')`;
const BY_TIME = 'doc_time desc nulls last, fd_number desc';
const REGISTER_SELECT: Select = [
  ['rnm', same('rnm')],
  ...['kkt_serial', 'user_inn', 'user_name', 'address', 'place', 'kkt_version'].map(
    (c) => [c, lastNonNull(c, BY_TIME)] as const,
  ),
  ['fn_number', last('fn_number', BY_TIME)],
  ['ffd_version', lastNonNull('ffd_version', BY_TIME)],
  ['learned_doc_time', lastNonNull('doc_time', BY_TIME)],
];
const REGISTER_COMPARED = REGISTER_SELECT.map(([c]) => c).filter(
  (c) => c !== 'rnm' && c !== 'learned_doc_time',
);
const REGISTER_SET = [
  prefer(R, REGISTER_COMPARED, REGISTER_NEWER),
  `learned_doc_time = greatest(excluded.learned_doc_time, ${R}.learned_doc_time)`,
  'updated_at = now()',
];

/**
 * CTE body: upserts the `registers` rows that the rows of `source` change, one
 * per RNM; `source`'s column `rnm_docs` bounds the rows of the same RNM.
 */
export function learnRegistersSql(source: string): string {
  return `insert into ${R} (${REGISTER_SELECT.map(([c]) => c).join(', ')})
    ${changedRows(learnedRows(REGISTER_SELECT, source, 'rnm', 'rnm_docs', 'rnm is not null'), R, 'rnm', REGISTER_COMPARED)}
    on conflict (rnm) do update set ${REGISTER_SET.join(', ')}`;
}
