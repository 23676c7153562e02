/**
 * The multi-skill contact-centre simulation: a seeded discrete-event model of queues, skill
 * groups and routing on an interval grid, replications and their confidence intervals. Pure: no
 * I/O, no clock. See docs/simulation.md.
 */
export { simulateReplication } from './simulate-replication.js';
export { simulate, simulateReplications } from './simulate.js';
export type { SimulateOptions } from './simulate.js';
export { summariseReplications } from './summarise.js';
export type { SummaryOptions } from './summarise.js';
export { replicationSeed } from './replication-seed.js';
export { validateModel } from './validate-model.js';
export { estimate } from './estimate.js';
export { studentT975 } from './student-t.js';
export type {
  HandleTimeDistribution,
  SimQueue,
  SimGroup,
  SimModel,
  ReplicationResult,
  Estimate,
  QueueSummary,
  IntervalFigures,
  SimulationSummary,
} from './types.js';
export { fitHandleTime } from './fit-handle-time.js';
export type { HandleTimeFit } from './fit-handle-time.js';
export { fitPatience } from './fit-patience.js';
export type { PatienceFit } from './fit-patience.js';
