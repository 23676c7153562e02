/**
 * The task registry: every CPU-heavy task that runs on the worker threads, by name. The name fixes
 * the payload type and the result type (`TaskPayload<K>`, `TaskResult<K>`), so a caller on the main
 * thread and the handler on the worker agree at compile time. Payloads are parsed before they are
 * sent (once, at the boundary); handlers trust their types and call the app or the core in one line.
 *
 * Adding an area: one import below and one line in `handlers`. Names are prefixed with their area
 * (`staffing.batch`), so areas never collide.
 */
import { staffingHandlers } from './handlers/staffing.js';
import { whatIfHandlers } from './handlers/what-if.js';
import { apiHandlers } from './handlers/api.js';
import { forecastHandlers } from './handlers/forecast.js';
import { shiftPlanHandlers } from './handlers/shift-plan.js';
import { rosterHandlers } from './handlers/roster.js';
import { simulationHandlers } from './handlers/simulation.js';

export const handlers = {
  ...staffingHandlers,
  ...whatIfHandlers,
  ...apiHandlers,
  ...forecastHandlers,
  ...shiftPlanHandlers,
  ...rosterHandlers,
  ...simulationHandlers,
} as const;

export type Handlers = typeof handlers;
export type HandlerName = keyof Handlers;
export type HandlerPayload<K extends HandlerName> = Parameters<Handlers[K]>[0];
export type HandlerResult<K extends HandlerName> = Awaited<ReturnType<Handlers[K]>>;
/** What the pool runs: a handler name and its payload. */
export type WorkerTask = { [K in HandlerName]: { handler: K; payload: HandlerPayload<K> } }[HandlerName];
export type WorkerResult = HandlerResult<HandlerName>;
