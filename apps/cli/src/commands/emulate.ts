import { loadConfig } from '@openofd/core';
import { createFleet, type FleetOptions } from '@openofd/kkt-emulator';
import { type Command, UsageError } from '../command.js';

const USAGE = `openofd emulate [options]

  --host <host>          gateway host (default 127.0.0.1)
  --port <port>          gateway port (default OFD_GATEWAY_PORT or 7777)
  --kkt <N>              registers in the fleet (default 10)
  --docs <M>             documents per register (default 100; 0 = no limit)
  --rate <R>             documents per second across the fleet (default 0 = each register
                         sends its next document as soon as the previous is confirmed)
  --connections <C>      TCP connections the registers share (default one per register)
  --duration <s>         stop producing after s seconds, then wait for confirmations
  --seed <seed>          document generator seed (default 1): same seed, same documents
  --master-key <key>     emulated fiscal crypto key (default OFD_MASTER_KEY)
  --first <index>        index of the first register (identities are per index)
  --clock simulated|real register clocks: days replayed from 30 days ago (default), or now
  --pregenerate          build every document before sending (measures the gateway only)
  --no-fpo-check         accept confirmations without a valid ФПО (a --crypto none gateway)
  --ack-timeout <ms>     resend after this long without a confirmation (default 10000)
  --max-connecting <N>   connects in progress at once while the fleet connects (default 128;
                         a burst of thousands can overflow the listener's queues)

Prints a JSON summary: sent, confirmed, retransmitted, rejected, errors, documents/s,
latency p50/p95/p99 in ms. SIGINT stops early and prints the figures so far.`;

function number(name: string, raw: string | undefined, min: number): number {
  const n = Number(raw);
  if (raw === undefined || raw === '' || !Number.isFinite(n) || n < min) {
    throw new UsageError(`${name} must be a number ≥ ${min}, got "${raw ?? ''}"`);
  }
  return n;
}

function integer(name: string, raw: string | undefined, min: number): number {
  const n = number(name, raw, min);
  if (!Number.isInteger(n)) throw new UsageError(`${name} must be an integer, got "${raw}"`);
  return n;
}

export function parseEmulateArgs(argv: string[], env = process.env): FleetOptions {
  const config = loadConfig(env);
  const options: FleetOptions = {
    port: config.gatewayPort,
    registers: 10,
    documentsPerRegister: 100,
    masterKey: config.masterKey,
    ofdInn: config.operatorInn,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--host':
        options.host = value() ?? '';
        if (options.host === '') throw new UsageError('--host needs a value');
        break;
      case '--port':
        options.port = integer('--port', value(), 1);
        break;
      case '--kkt':
        options.registers = integer('--kkt', value(), 1);
        break;
      case '--docs': {
        const docs = integer('--docs', value(), 0);
        if (docs === 0) delete options.documentsPerRegister;
        else options.documentsPerRegister = docs;
        break;
      }
      case '--rate':
        options.rate = number('--rate', value(), 0);
        break;
      case '--connections':
        options.connections = integer('--connections', value(), 1);
        break;
      case '--duration':
        options.durationSeconds = number('--duration', value(), 0);
        break;
      case '--seed':
        options.seed = value() ?? '';
        break;
      case '--master-key': {
        const key = value();
        if (!key) throw new UsageError('--master-key needs a value');
        options.masterKey = key;
        break;
      }
      case '--first':
        options.firstIndex = integer('--first', value(), 0);
        break;
      case '--clock': {
        const clock = value();
        if (clock === 'real') options.clock = { kind: 'real' };
        else if (clock !== 'simulated')
          throw new UsageError(`--clock must be "simulated" or "real", got "${clock}"`);
        break;
      }
      case '--pregenerate':
        options.pregenerate = true;
        break;
      case '--no-fpo-check':
        options.checkOperatorSign = false;
        break;
      case '--ack-timeout':
        options.ackTimeoutMs = integer('--ack-timeout', value(), 1);
        break;
      case '--max-connecting':
        options.maxPendingConnects = integer('--max-connecting', value(), 1);
        break;
      default:
        throw new UsageError(`unknown option "${arg}"`);
    }
  }
  if ((options.firstIndex ?? 0) + options.registers > 1_000_000) {
    throw new UsageError('registers are numbered 0..999999: --first + --kkt must not exceed 1000000');
  }
  if (options.documentsPerRegister === undefined && options.durationSeconds === undefined) {
    throw new UsageError('--docs 0 (no limit) needs --duration');
  }
  if (options.pregenerate && options.documentsPerRegister === undefined) {
    throw new UsageError('--pregenerate needs a document count (--docs M)');
  }
  return options;
}

export const emulateCommand: Command = {
  name: 'emulate',
  summary: 'run a fleet of emulated cash registers against the gateway and print throughput and latency',
  usage: USAGE,
  async run(argv) {
    const fleet = createFleet(parseEmulateArgs(argv));
    const onSignal = () => fleet.stop();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      const summary = await fleet.run();
      console.log(JSON.stringify(summary, null, 2));
      return summary.unconfirmed === 0 ? 0 : 1;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  },
};
