export * from './accounts/index.js';
export { type Config, loadConfig } from './config.js';
export { EmulatedFiscalCrypto } from './crypto/emulated-fiscal-crypto.js';
export type {
  FiscalCrypto,
  MessageVerdict,
  OperatorSignInput,
  VerifyMessageInput,
} from './crypto/fiscal-crypto.js';
export { NoFiscalCrypto } from './crypto/no-fiscal-crypto.js';
export { type Database, type Db, type OpenDatabaseOptions, openDatabase } from './db/database.js';
export { listMigrations, type Migration, migrate, rowsOf } from './db/migrate.js';
export * from './db/schema/index.js';
export {
  type DocumentColumns,
  documentBody,
  documentColumns,
  type FnsJson,
  localTimestamp,
} from './documents/document-columns.js';
export { ensureDocumentPartitions } from './documents/ensure-document-partitions.js';
export {
  type DocumentPage,
  type DocumentSummary,
  type FindDocumentsOptions,
  findDocuments,
} from './documents/find-documents.js';
export { getDocument, type StoredDocument } from './documents/get-document.js';
export {
  type IngestDocumentInput,
  type IngestDocumentsOptions,
  type IngestOutcome,
  ingestDocuments,
} from './documents/ingest-documents.js';
export { AppError, type AppErrorCode } from './errors.js';
export { type ClaimedJob, type ClaimOutboxOptions, claimOutbox } from './outbox/claim-outbox.js';
export { completeOutbox } from './outbox/complete-outbox.js';
export { enqueueOutbox, OUTBOX_TOPICS, type OutboxMessage } from './outbox/enqueue-outbox.js';
export { failOutbox } from './outbox/fail-outbox.js';
export { listFiscalDrives } from './registers/list-fiscal-drives.js';
export { listRegisters } from './registers/list-registers.js';
