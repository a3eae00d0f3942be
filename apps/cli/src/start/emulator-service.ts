import { startDemoStream } from '@openofd/kkt-emulator';
import type { RunningService, Service, ServiceContext } from './service.js';

/** The demo registers of tools/kkt-emulator streaming into the gateway started before them. */
export function emulatorService(options: { rate?: number } = {}): Service {
  return {
    name: 'emulator',
    async start({ config, running }: ServiceContext): Promise<RunningService> {
      const port = running.get('gateway')?.info?.port;
      if (typeof port !== 'number') throw new Error('the emulator needs the gateway started before it');
      const stream = startDemoStream({
        host: '127.0.0.1',
        port,
        masterKey: config.masterKey,
        ofdInn: config.operatorInn,
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
