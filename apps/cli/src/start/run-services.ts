import { loadConfig, migrate, openDatabase } from '@openofd/core';
import { pino } from 'pino';
import type { RunningService, Service } from './service.js';

export interface RunServicesOptions {
  services: Service[];
  /** Print a figures line this often (0: never). */
  figuresEveryMs?: number;
  print?: (line: string) => void;
}

/**
 * Opens the database, applies migrations, starts the services in order and
 * runs until SIGINT/SIGTERM; then stops them in reverse order (the gateway
 * first finishes its in-flight batches) and closes the database.
 */
export async function runServices(options: RunServicesOptions): Promise<number> {
  const config = loadConfig();
  const logger = pino({ level: process.env.OFD_LOG_LEVEL ?? 'info' });
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  const running = new Map<string, RunningService>();
  const print = options.print ?? ((line: string) => console.log(line));
  let timer: NodeJS.Timeout | undefined;
  try {
    const applied = await migrate(database);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    for (const service of options.services) {
      running.set(service.name, await service.start({ config, database, logger, running }));
      logger.info({ service: service.name, ...running.get(service.name)?.info }, 'service started');
    }
    const every = options.figuresEveryMs ?? 0;
    if (every > 0) {
      timer = setInterval(() => {
        void Promise.all([...running.values()].map((s) => s.figures?.() ?? Promise.resolve('')))
          .then((parts) => print(parts.filter(Boolean).join(' | ')))
          .catch((err: unknown) => logger.error({ err }, 'figures failed'));
      }, every);
    }
    const signal = await new Promise<string>((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
    });
    logger.info({ signal }, 'stopping');
    return 0;
  } finally {
    if (timer) clearInterval(timer);
    for (const [name, service] of [...running].reverse()) {
      await service.stop().catch((err: unknown) => logger.error({ err, service: name }, 'stop failed'));
    }
    await database.close();
  }
}
