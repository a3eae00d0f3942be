import { customType } from 'drizzle-orm/pg-core';

/**
 * JSON kept as `text` (documents.document, migration 0004): written as the
 * text JSON.stringify made, read back parsed. PostgreSQL does not validate
 * it (json would, at ~4 µs per receipt on the ingest path); it is valid by
 * construction and can be regenerated from the raw message. Cast the column
 * (`document::jsonb`) to query inside it.
 */
export const jsonText = <T>(name: string) =>
  customType<{ data: T; driverData: string }>({
    dataType() {
      return 'text';
    },
    toDriver(value) {
      return JSON.stringify(value);
    },
    fromDriver(value) {
      return JSON.parse(value) as T;
    },
  })(name);
