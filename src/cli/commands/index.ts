import type { Command } from 'commander';
import { registerServe } from './serve.js';

/** Every `wfm` subcommand registers itself here, one module per command. */
export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [
  registerServe,
  // Add one line per command module, e.g. registerStaff from './staff.js'.
];
