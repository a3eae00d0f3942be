export { type Config, loadConfig } from './config.js';
export { type Database, type Db, type OpenDatabaseOptions, openDatabase } from './db/database.js';
export { listMigrations, type Migration, migrate, rowsOf } from './db/migrate.js';
