import type { Command } from '../command.js';
import { caCommand } from './ca.js';
import { decodeCommand } from './decode.js';
import { emulateCommand } from './emulate.js';
import { encodeCommand } from './encode.js';
import { gatewayCommand } from './gateway.js';
import { migrateCommand } from './migrate.js';
import { startCommand } from './start.js';

/** Every subcommand, in the order `openofd help` lists them. */
export const commands: Command[] = [
  startCommand,
  migrateCommand,
  gatewayCommand,
  decodeCommand,
  encodeCommand,
  emulateCommand,
  caCommand,
];
