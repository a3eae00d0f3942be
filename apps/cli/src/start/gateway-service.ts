import { EmulatedFiscalCrypto, type FiscalCrypto, NoFiscalCrypto } from '@openofd/core';
import { type Gateway, startGateway } from '@openofd/gateway';
import { UsageError } from '../command.js';
import type { RunningService, Service, ServiceContext } from './service.js';

export type CryptoMode = 'emulated' | 'none';

export function parseCryptoMode(value: string | undefined): CryptoMode {
  if (value === undefined || value === 'emulated') return 'emulated';
  if (value === 'none') return 'none';
  throw new UsageError(`--crypto must be "emulated" or "none", got "${value}"`);
}

function metricsPort(env: Record<string, string | undefined>): number | null {
  const raw = env.OFD_GATEWAY_METRICS_PORT;
  if (raw === 'off') return null;
  if (raw === undefined || raw === '') return 9464;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new UsageError(`OFD_GATEWAY_METRICS_PORT must be a TCP port or "off", got "${raw}"`);
  }
  return n;
}

async function figures(gateway: Gateway, last: { at: number; stored: number }): Promise<string> {
  const value = async (c: { get(): Promise<{ values: { value: number }[] }> }) =>
    (await c.get()).values.reduce((n, v) => n + v.value, 0);
  const m = gateway.metrics;
  const stored = await value(m.stored);
  const now = Date.now();
  const rate = ((stored - last.stored) * 1000) / Math.max(1, now - last.at);
  last.at = now;
  last.stored = stored;
  return [
    `шлюз: принято ${await value(m.received)}`,
    `сохранено ${stored}`,
    `повторов ${await value(m.duplicates)}`,
    `отклонено ${await value(m.rejected)}`,
    `${rate.toFixed(0)} док/с`,
    `соединений ${await value(m.connections)}`,
  ].join(', ');
}

/** The register gateway as a service of `openofd start` and of `openofd gateway`. */
export function gatewayService(options: {
  crypto: CryptoMode;
  env?: Record<string, string | undefined>;
}): Service {
  return {
    name: 'gateway',
    async start({ config, database, logger }: ServiceContext): Promise<RunningService> {
      const crypto: FiscalCrypto =
        options.crypto === 'emulated' ? new EmulatedFiscalCrypto(config.masterKey) : new NoFiscalCrypto();
      const gateway = await startGateway({
        database,
        crypto,
        logger: logger.child({ service: 'gateway' }),
        ofdInn: config.operatorInn,
        port: config.gatewayPort,
        metricsPort: metricsPort(options.env ?? process.env),
      });
      const last = { at: Date.now(), stored: 0 };
      return {
        info: { port: gateway.port, metricsPort: gateway.metricsPort, crypto: crypto.name },
        // GatewayMetrics; its `registry` is a prom-client Registry the API can merge into its /metrics.
        exports: { metrics: gateway.metrics },
        figures: () => figures(gateway, last),
        stop: () => gateway.close(),
      };
    },
  };
}
