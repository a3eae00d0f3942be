import type { Config, Database } from '@openofd/core';
import type { Logger } from 'pino';

/** What every service started by `openofd start` shares: one config, one database, one logger. */
export interface ServiceContext {
  config: Config;
  database: Database;
  logger: Logger;
  /** Services started before this one, by name (e.g. the emulator finds the gateway's port). */
  running: Map<string, RunningService>;
}

export interface RunningService {
  /** One short piece of the figures line printed every few seconds, if the service has figures. */
  figures?(): Promise<string>;
  /** Graceful stop. */
  stop(): Promise<void>;
  /** Facts for the start log and for services started later (e.g. a listening port). */
  readonly info?: Record<string, unknown>;
  /** Objects for services started later, not logged (e.g. the gateway's metrics registry for the API's /metrics). */
  readonly exports?: Record<string, unknown>;
}

/** A service of `openofd start`; later issues add theirs to the list in services.ts. */
export interface Service {
  name: string;
  start(context: ServiceContext): Promise<RunningService>;
}
