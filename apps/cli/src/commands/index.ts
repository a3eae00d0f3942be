import type { Command } from '../command.js';
import { migrateCommand } from './migrate.js';

/** Every subcommand, in the order `openofd help` lists them. */
export const commands: Command[] = [migrateCommand];
