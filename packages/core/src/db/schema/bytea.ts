import { customType } from 'drizzle-orm/pg-core';

// node-postgres returns Buffer, PGlite returns Uint8Array; both are Uint8Array.
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType() {
    return 'bytea';
  },
  toDriver(value) {
    // node-postgres only binds Buffer as bytea; Buffer is also a Uint8Array for PGlite.
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  },
});
