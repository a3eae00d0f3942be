import type { Command } from '../command.js';
import { decodeCommand } from './decode.js';
import { emulateCommand } from './emulate.js';
import { encodeCommand } from './encode.js';
import { gatewayCommand } from './gateway.js';
import { migrateCommand } from './migrate.js';

/** Every subcommand, in the order `openofd help` lists them. */
export const commands: Command[] = [migrateCommand, gatewayCommand, decodeCommand, encodeCommand, emulateCommand];
