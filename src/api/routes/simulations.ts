import {
  SimulationRequestSchema,
  parseSimulationRequest,
  type ParsedSimulationRequest,
} from '../../contracts/simulation.js';
import { runSimulation } from '../../app/simulation.js';
import { checkLimit, type RouteModule } from '../context.js';
import { registerJobRoute } from './jobs.js';

/** Named agents in a raw simulation body (0 when absent). */
function rawAgentCount(body: unknown): number {
  const agents = (body as { agents?: unknown } | null)?.agents;
  return Array.isArray(agents) ? agents.length : 0;
}

/**
 * `POST /v1/simulations`: a staffing (agents per skill group and interval) or a roster (named agents
 * with skills and shifts) simulated against the queues' forecasts, as a job: 202 with a job id;
 * `GET /v1/jobs/:id` for SL, ASA, abandonment and occupancy per queue and interval with 95 %
 * confidence intervals. The replications are split over the pool's threads (the same seed gives the
 * same figures on any thread count). The body is parsed before the job is queued.
 */
export const simulationRoutes: RouteModule = (app, ctx) =>
  registerJobRoute<typeof SimulationRequestSchema, 'simulation', ParsedSimulationRequest>(app, ctx, {
    url: '/v1/simulations',
    kind: 'simulation',
    // Several pool tasks (one batch of replications per thread), run by `work`.
    handler: 'simulation',
    body: SimulationRequestSchema,
    summary:
      'Queue a simulation of a staffing or a roster (multi-skill queues, replications with 95 % intervals); 202 with a job id.',
    checkSize: (body, c) => checkLimit(rawAgentCount(body), c.limits.maxAgents, ['agents'], 'agents'),
    prepare: parseSimulationRequest,
    work: (runner, request, signal) => runSimulation(runner, request, { signal }),
  });
