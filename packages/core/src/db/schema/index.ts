export * from './documents.js';
export * from './outbox.js';
export * from './registers.js';
