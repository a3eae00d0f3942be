import { apiService } from './api-service.js';
import { emulatorService } from './emulator-service.js';
import { gatewayService } from './gateway-service.js';
import type { Service } from './service.js';

export interface StartOptions {
  /** Documents per second of the demo registers; 0 runs no emulator. */
  rate: number;
}

/**
 * What `openofd start` runs, in start order (stopped in reverse). Later
 * issues add their services here (API and cabinet, worker, ФНС emulator).
 */
export function startServices(options: StartOptions): Service[] {
  return [
    gatewayService({ crypto: 'emulated' }),
    apiService(),
    ...(options.rate > 0 ? [emulatorService({ rate: options.rate })] : []),
  ];
}
