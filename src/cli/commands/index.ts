import type { Command } from 'commander';

/** Every `wfm` subcommand registers itself here, one module per command. */
export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [
  // Add one line per command module, e.g. registerStaff from './staff.js'.
];
