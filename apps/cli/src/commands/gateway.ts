import { type Command, UsageError } from '../command.js';
import { gatewayService, parseCryptoMode } from '../start/gateway-service.js';
import { runServices } from '../start/run-services.js';

export const gatewayCommand: Command = {
  name: 'gateway',
  summary: 'accept fiscal documents from cash registers over TCP (OFD_GATEWAY_PORT, default 7777)',
  usage:
    'openofd gateway [--crypto emulated|none]\n\n' +
    '  --crypto emulated  check ФПС/ФПД with drive keys derived from OFD_MASTER_KEY and sign ФПО (default)\n' +
    '  --crypto none      check no signs: store documents marked unverified (e.g. real captured messages)\n\n' +
    'Metrics: http://localhost:$OFD_GATEWAY_METRICS_PORT/metrics (default 9464, "off" for none).\n' +
    'Stops gracefully on SIGINT/SIGTERM: nothing uncommitted is confirmed.',
  async run(argv) {
    let crypto: string | undefined;
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i];
      if (arg === '--crypto') crypto = argv[++i];
      else if (arg?.startsWith('--crypto=')) crypto = arg.slice('--crypto='.length);
      else throw new UsageError(`unknown option "${arg}"`);
    }
    return runServices({ services: [gatewayService({ crypto: parseCryptoMode(crypto) })] });
  },
};
