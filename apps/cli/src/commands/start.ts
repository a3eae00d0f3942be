import { type Command, UsageError } from '../command.js';
import { runServices } from '../start/run-services.js';
import { startServices } from '../start/services.js';

export const startCommand: Command = {
  name: 'start',
  summary:
    'run the operator on one database: migrations, gateway, cabinet on :8080 with a demo account, demo registers',
  usage:
    'openofd start [--rate R]\n\n' +
    '  --rate R  documents per second from the emulated demo registers (default 2; 0: no emulator)\n\n' +
    'Embedded database in OFD_DATA_DIR (default ./data) unless OFD_DATABASE_URL is set.',
  async run(argv) {
    let rate = 2;
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i];
      const value = arg === '--rate' ? argv[++i] : arg?.startsWith('--rate=') ? arg.slice(7) : undefined;
      if (value === undefined) throw new UsageError(`unknown option "${arg}"`);
      rate = Number(value);
      if (!Number.isFinite(rate) || rate < 0)
        throw new UsageError(`--rate must be a number ≥ 0, got "${value}"`);
    }
    return runServices({ services: startServices({ rate }), figuresEveryMs: 5000 });
  },
};
