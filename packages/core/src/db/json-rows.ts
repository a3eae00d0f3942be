import { type SQL, sql } from 'drizzle-orm';

/** Column name and SQL type, in the order of `jsonb_to_recordset`'s record definition. */
export type JsonColumns = readonly (readonly [name: string, sqlType: string])[];

/**
 * `jsonb_to_recordset($1::jsonb) as r(…)`: a whole batch of rows as ONE
 * parameter. Multi-row VALUES with a parameter per cell cost more in the
 * query builder and the wire protocol than the insert itself; one JSON text
 * is built natively and parsed by the server in C, on PGlite and PostgreSQL.
 * Row objects use the column names as keys.
 */
export function jsonRecordset(columns: JsonColumns, rows: readonly object[]): SQL {
  const definition = columns.map(([name, type]) => `${name} ${type}`).join(', ');
  return sql`jsonb_to_recordset(${jsonText(rows)}::jsonb) as r(${sql.raw(definition)})`;
}

/**
 * JSON text safe for jsonb and text columns: PostgreSQL refuses the NUL
 * character, which a document's strings may carry (the raw bytes keep it).
 */
export function jsonText(value: unknown): string {
  const text = JSON.stringify(value);
  return text.includes('\\u0000') ? text.replaceAll('\\u0000', '\\ufffd') : text;
}
