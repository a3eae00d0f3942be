import { jsonText } from '../db/json-rows.js';
import { addDays } from '../registers/learn-registers.js';
import type { DocumentColumns } from './document-columns.js';
import type { IngestDocumentInput } from './ingest-documents.js';
import { LiteralWriter } from './literal-writer.js';

/**
 * The parameters of the ingest statement for one batch, column by column:
 * each scalar column is ONE PostgreSQL array literal (`{…}`, parsed by the
 * element type's input function), the decoded documents and the ФЛК findings
 * one JSON array each, the raw messages one binary bytea (their bytes back to
 * back) with offsets and lengths. Before, the batch was one jsonb of row
 * objects: the server parsed every key of every row, and the string
 * escapes of the base64 raw character by character (PostgreSQL 15's JSON
 * lexer); the gateway stringified 35 keys per row.
 */
export interface IngestBatch {
  /**
   * In INGEST_COLUMNS order, then the documents and the ФЛК findings (JSON
   * texts, one per line), the raws' offsets, lengths and bytes, the row count.
   */
  params: (string | Buffer)[];
  /** Index of the raws (bytea) in `params`; every other Buffer is UTF-8 text. */
  rawsAt: number;
}

type SqlType = 'text' | 'bigint' | 'integer' | 'smallint' | 'timestamp' | 'date';

export interface Row {
  d: IngestDocumentInput;
  c: DocumentColumns;
  /** Rows of the batch with this row's FN, and with its RNM (the learners' single-row fast path). */
  fnDocs?: number;
  rnmDocs?: number;
}

/** name, SQL element type, value. Documents' columns first, then what only the learners read. */
export const INGEST_COLUMNS: readonly (readonly [string, SqlType, (r: Row) => string | number | null])[] = [
  ['fn_number', 'text', (r) => r.d.fnNumber],
  ['fd_number', 'bigint', (r) => r.d.fdNumber],
  // Milliseconds since the epoch: exact, and no date parsing on the server.
  ['received_ms', 'bigint', (r) => r.d.receivedAt.getTime()],
  ['form_code', 'smallint', (r) => r.d.formCode],
  ['doc_time', 'timestamp', (r) => r.c.docTime],
  ['user_inn', 'text', (r) => r.c.userInn],
  ['rnm', 'text', (r) => r.c.rnm],
  ['kkt_serial', 'text', (r) => r.c.kktSerial],
  ['shift_number', 'bigint', (r) => r.c.shiftNumber],
  ['operation_type', 'smallint', (r) => r.c.operationType],
  ['cash_total', 'bigint', (r) => r.c.cashTotal],
  ['ecash_total', 'bigint', (r) => r.c.ecashTotal],
  ['prepaid_total', 'bigint', (r) => r.c.prepaidTotal],
  ['credit_total', 'bigint', (r) => r.c.creditTotal],
  ['provision_total', 'bigint', (r) => r.c.provisionTotal],
  ['total_sum', 'bigint', (r) => r.c.totalSum],
  ['cashier', 'text', (r) => r.c.cashier],
  ['buyer_contact', 'text', (r) => r.c.buyerContact],
  ['fiscal_sign', 'bigint', (r) => r.c.fiscalSign],
  ['ffd_version', 'text', (r) => r.c.ffdVersion],
  [
    'flk_status',
    'text',
    (r) => (r.d.flkViolations.some((v) => v.severity === 'error') ? 'failed' : 'passed'),
  ],
  ['crypto_status', 'text', (r) => r.d.cryptoStatus],
  ['user_name', 'text', (r) => r.c.userName],
  ['address', 'text', (r) => r.c.address],
  ['place', 'text', (r) => r.c.place],
  ['kkt_version', 'text', (r) => r.c.kktVersion],
  ['backlog_count', 'bigint', (r) => r.c.backlogCount],
  ['backlog_oldest_time', 'timestamp', (r) => r.c.backlogOldestTime],
  ['backlog_first_fd', 'bigint', (r) => r.c.backlogFirstFd],
  ['key_resource_days', 'integer', (r) => r.c.keyResourceDays],
  [
    'expires_on',
    'date',
    (r) =>
      r.c.keyResourceDays !== null && r.c.docTime !== null ? addDays(r.c.docTime, r.c.keyResourceDays) : null,
  ],
  ['fn_docs', 'integer', (r) => r.fnDocs ?? 1],
  ['rnm_docs', 'integer', (r) => r.rnmDocs ?? 1],
];

/** Counts each row's FN and RNM in the batch (an upper bound of the fresh ones: the learners only need "one or more"). */
function countGroups(rows: readonly Row[]): void {
  const fns = new Map<string, number>();
  const rnms = new Map<string | null, number>();
  for (const r of rows) {
    fns.set(r.d.fnNumber, (fns.get(r.d.fnNumber) ?? 0) + 1);
    rnms.set(r.c.rnm, (rnms.get(r.c.rnm) ?? 0) + 1);
  }
  for (const r of rows) {
    r.fnDocs = fns.get(r.d.fnNumber) ?? 1;
    r.rnmDocs = rnms.get(r.c.rnm) ?? 1;
  }
}

/** Bytes per element to start a column's buffer with (it grows when short). */
const START_BYTES: Record<SqlType, number> = {
  text: 40,
  bigint: 12,
  integer: 6,
  smallint: 3,
  timestamp: 22,
  date: 13,
};

function arrayLiteral(
  rows: readonly Row[],
  type: SqlType,
  value: (r: Row) => string | number | null,
): Buffer {
  const out = new LiteralWriter(rows.length * START_BYTES[type] + 2);
  const text = type === 'text' || type === 'timestamp' || type === 'date';
  out.byte(0x7b); // {
  for (let i = 0; i < rows.length; i++) {
    const v = value(rows[i] as Row);
    if (i > 0) out.byte(0x2c); // ,
    // Numbers are integers (validated or read as such); text and times are quoted.
    if (v === null) out.ascii('NULL');
    else if (text) out.quoted(String(v));
    else if (typeof v === 'number') out.number(v);
    else out.ascii(v);
  }
  out.byte(0x7d); // }
  return out.bytes();
}

/** The documents' JSON texts one per line: JSON.stringify never writes a raw line feed. */
function documentLines(rows: readonly Row[]): Buffer {
  const out = new LiteralWriter(rows.length * 4096);
  for (let i = 0; i < rows.length; i++) {
    if (i > 0) out.byte(0x0a);
    out.text(JSON.stringify((rows[i] as Row).d.document));
  }
  out.replaceNulEscapes(0);
  return out.bytes();
}

const NO_VIOLATIONS = (r: Row) => (r.d.flkViolations.length === 0 ? '[]' : jsonText(r.d.flkViolations));

/**
 * Params are UTF-8 bytes (binary `text` parameters on PostgreSQL) except the
 * row count; `raws` indexes the one bytea parameter.
 */
export function encodeBatch(rows: readonly Row[]): IngestBatch {
  countGroups(rows);
  const params: (string | Buffer)[] = INGEST_COLUMNS.map(([, type, value]) =>
    arrayLiteral(rows, type, value),
  );
  params.push(documentLines(rows));
  const violations = new LiteralWriter(rows.length * 3);
  for (let i = 0; i < rows.length; i++) {
    if (i > 0) violations.byte(0x0a);
    violations.text(NO_VIOLATIONS(rows[i] as Row));
  }
  params.push(violations.bytes());
  let size = 0;
  const offsets = new LiteralWriter(rows.length * 8 + 2);
  const lengths = new LiteralWriter(rows.length * 4 + 2);
  offsets.byte(0x7b);
  lengths.byte(0x7b);
  for (let i = 0; i < rows.length; i++) {
    const { d } = rows[i] as Row;
    if (i > 0) {
      offsets.byte(0x2c);
      lengths.byte(0x2c);
    }
    offsets.number(size + 1); // substring() counts from 1
    lengths.number(d.raw.byteLength);
    size += d.raw.byteLength;
  }
  offsets.byte(0x7d);
  lengths.byte(0x7d);
  const raws = Buffer.allocUnsafe(size);
  let at = 0;
  for (const { d } of rows) {
    raws.set(d.raw, at);
    at += d.raw.byteLength;
  }
  const rawsAt = params.length + 2;
  params.push(offsets.bytes(), lengths.bytes(), raws, String(rows.length));
  return { params, rawsAt };
}
