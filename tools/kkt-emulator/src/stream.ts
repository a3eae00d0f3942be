// The steady demo flow of `openofd start`: the demo registers, real time,
// a low rate, forever, until stopped.
import { createFleet, type Fleet } from './fleet.js';
import { DEMO_REGISTER_COUNT } from './organizations.js';
import type { ResumePoint } from './register.js';

export interface DemoStreamOptions {
  host?: string;
  port: number;
  masterKey: string | Uint8Array;
  ofdInn?: string;
  /** Documents per second across the demo registers (default 2). */
  rate?: number;
  registers?: number;
  seed?: string | number;
  /** What the operator already holds from the demo registers (see FleetOptions.resume). */
  resume?: ReadonlyMap<string, ResumePoint>;
}

/** Starts streaming; `stop()` on the returned fleet ends it, and `done` resolves with the summary. */
export function startDemoStream(options: DemoStreamOptions): Fleet & { done: ReturnType<Fleet['run']> } {
  const fleet = createFleet({
    port: options.port,
    ...(options.host === undefined ? {} : { host: options.host }),
    registers: options.registers ?? DEMO_REGISTER_COUNT,
    rate: options.rate ?? 2,
    masterKey: options.masterKey,
    ...(options.ofdInn === undefined ? {} : { ofdInn: options.ofdInn }),
    seed: options.seed ?? 'demo',
    clock: { kind: 'real' },
    ...(options.resume ? { resume: options.resume } : {}),
  });
  const done = fleet.run();
  return Object.assign(fleet, { done });
}
