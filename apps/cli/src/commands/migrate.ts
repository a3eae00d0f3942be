import { loadConfig, migrate, openDatabase } from '@openofd/core';
import type { Command } from '../command.js';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'apply database migrations (OFD_DATABASE_URL or the embedded database in OFD_DATA_DIR)',
  usage: 'openofd migrate',
  async run() {
    const config = loadConfig();
    const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
    try {
      const applied = await migrate(database);
      console.log(applied.length > 0 ? `applied: ${applied.join(', ')}` : 'database is up to date');
    } finally {
      await database.close();
    }
    return 0;
  },
};
