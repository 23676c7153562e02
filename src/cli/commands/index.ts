import type { Command } from 'commander';
import { registerServe } from './serve.js';
import { registerWhatIf } from './what-if.js';
import { registerStaff } from './staff.js';
import { registerErlang } from './erlang.js';
import { registerDemo } from './demo.js';
import { registerForecast } from './forecast.js';
import { registerShiftPlan } from './shift-plan.js';
import { registerRoster } from './roster.js';
import { registerPlan } from './plan.js';
import { registerDb } from './db.js';
import { registerWorker } from './worker.js';
import { registerSimulate } from './simulate.js';

/** Every `wfm` subcommand registers itself here, one module per command. */
export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [
  registerServe,
  registerWhatIf,
  registerStaff,
  registerErlang,
  registerDemo,
  registerForecast,
  registerShiftPlan,
  registerRoster,
  registerPlan,
  registerDb,
  registerWorker,
  registerSimulate,
  // Add one line per command module, e.g. registerStaff from './staff.js'.
];
