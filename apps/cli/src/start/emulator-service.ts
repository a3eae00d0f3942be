import { type Database, rowsOf } from '@openofd/core';
import {
  DEMO_REGISTER_COUNT,
  type ResumePoint,
  registerProfile,
  startDemoStream,
} from '@openofd/kkt-emulator';
import { sql } from 'drizzle-orm';
import type { RunningService, Service, ServiceContext } from './service.js';

/**
 * Where each demo register's drive stands in the database: a real ФН keeps
 * its counters across restarts, so the demo carries on after the last stored
 * document instead of resending FD 1, 2, … (which the gateway would only
 * confirm again as retransmissions).
 */
export async function demoResumePoints(database: Database, registers = DEMO_REGISTER_COUNT) {
  const fns = Array.from({ length: registers }, (_, i) => registerProfile(i).fnNumber);
  const rows = rowsOf<{ fn: string; fd: number; shift: number; t: number | null }>(
    await database.db.execute(sql`
      select fn_number as fn, max(fd_number)::int as fd, coalesce(max(shift_number), 0)::int as shift,
             extract(epoch from max(doc_time))::int as t
      from documents
      where fn_number in (${sql.join(
        fns.map((fn) => sql`${fn}`),
        sql`, `,
      )})
      group by fn_number`),
  );
  const points = new Map<string, ResumePoint>();
  for (const r of rows) {
    points.set(r.fn, {
      lastFdNumber: Number(r.fd),
      lastShiftNumber: Number(r.shift),
      ...(r.t === null ? {} : { lastDocTime: Number(r.t) }),
    });
  }
  return points;
}

/** The demo registers of tools/kkt-emulator streaming into the gateway started before them. */
export function emulatorService(options: { rate?: number } = {}): Service {
  return {
    name: 'emulator',
    async start({ config, database, running }: ServiceContext): Promise<RunningService> {
      const port = running.get('gateway')?.info?.port;
      if (typeof port !== 'number') throw new Error('the emulator needs the gateway started before it');
      const stream = startDemoStream({
        host: '127.0.0.1',
        port,
        masterKey: config.masterKey,
        ofdInn: config.operatorInn,
        resume: await demoResumePoints(database),
        ...(options.rate !== undefined ? { rate: options.rate } : {}),
      });
      return {
        info: { registers: stream.registers.length, rate: options.rate ?? 2 },
        async figures() {
          const s = stream.snapshot();
          return (
            `эмулятор: касс ${s.registers}, создано ${s.generated}, подтверждено ${s.confirmed}, ` +
            `повторных отправок ${s.retransmitted}, ждут ${s.unconfirmed}, задержка p99 ${s.latencyMs.p99} мс`
          );
        },
        async stop() {
          stream.stop();
          await stream.done;
        },
      };
    },
  };
}
