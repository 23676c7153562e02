/**
 * Shift-plan and roster job bodies read from their JSON bytes, on a worker thread: the service
 * passes the bytes it received (in shared memory: no copy, no string, no parsing or validation on
 * the event loop), the worker checks everything the job needs and answers its time budget, and
 * the job's own task reads the same bytes again. Bad input is a `WfmError` naming the field
 * (400 / 413), before the job is accepted.
 */
import { WfmError } from '../errors.js';
import { parseJsonText } from '../contracts/json-text.js';
import { parseShiftPlanRequest, type ParsedShiftPlanRequest } from '../contracts/shift-plan-request.js';
import { parseRosterRequest, type ParsedRosterRequest } from '../contracts/roster.js';
import { checkShiftPlan } from './shift-plan.js';

/** A job body as the service received it, with the limits that apply to it. */
export interface JobBody {
  /** The body's bytes (UTF-8 JSON), usually over a `SharedArrayBuffer` the event loop filled. */
  body: Uint8Array;
  maxJsonDepth: number;
  /** Rosters: agents at most (413 beyond). */
  maxAgents?: number;
}

/** What the check answers: the job's expected run time (its solver time limit), ms. */
export interface JobCheck {
  budgetMs: number;
}

/** The body's text, decoded as fastify decodes a string body (invalid UTF-8 becomes U+FFFD). */
export function jobBodyText(job: JobBody): string {
  return Buffer.from(job.body.buffer, job.body.byteOffset, job.body.byteLength).toString('utf8');
}

/** A shift-plan body parsed and checked in full (grid, times, durations on the grid). */
export function shiftPlanJob(job: JobBody): ParsedShiftPlanRequest {
  const request = parseShiftPlanRequest(parseJsonText(jobBodyText(job), job.maxJsonDepth, 'shift-plan request'));
  checkShiftPlan(request.requirement, request.rules, request);
  return request;
}

/** The MIP's time limit: the request's, else the rules', else the solver default of 10 s. */
export function shiftPlanBudgetMs(request: ParsedShiftPlanRequest): number {
  return 1000 * (request.timeLimitSeconds ?? request.rules.rules.solver?.timeLimitSeconds ?? 10);
}

/** Agents in a raw roster body (`agents` as a list or `{ agents: [...] }`; 0 when neither). */
export function rawAgentCount(body: unknown): number {
  const agents = (body as { agents?: unknown } | null)?.agents;
  if (Array.isArray(agents)) return agents.length;
  const inner = (agents as { agents?: unknown } | null | undefined)?.agents;
  return Array.isArray(inner) ? inner.length : 0;
}

/** A roster body parsed in full; more agents than `maxAgents` is a 413 before the schema runs. */
export function rosterJob(job: JobBody): ParsedRosterRequest {
  const body = parseJsonText(jobBodyText(job), job.maxJsonDepth, 'roster request');
  const agents = rawAgentCount(body);
  if (job.maxAgents !== undefined && agents > job.maxAgents) {
    throw new WfmError('WFM_ERR_INPUT_TOO_LARGE', `At most ${job.maxAgents} agents per request (got ${agents}).`, {
      issues: [{ path: ['agents'], message: `at most ${job.maxAgents} agents` }],
    });
  }
  return parseRosterRequest(body);
}

/** The roster search runs until its time limit unless it runs out of iterations first. */
export function rosterBudgetMs(request: ParsedRosterRequest): number {
  return 1000 * request.options.timeLimitSeconds;
}
