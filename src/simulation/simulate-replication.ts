import { compileModel } from './compile-model.js';
import { ReplicationEngine } from './replication-engine.js';
import { replicationSeed } from './replication-seed.js';
import type { ReplicationResult, SimModel } from './types.js';

/**
 * One replication of the discrete-event simulation of a multi-skill centre over its whole grid,
 * starting empty (no warm-up: the first interval starts with idle agents and no queue; to
 * measure a steady state, prepend intervals and leave them out of the summary).
 *
 * - Arrivals per queue: a Poisson process, rate volume / interval length, piecewise constant by
 *   interval (exact inversion of the cumulative rate across boundaries).
 * - Each contact draws at arrival, from its queue's own stream, its patience (exponential) and its
 *   base handle time (exponential or log-normal); the serving group's factor scales the latter.
 *   The sample path of the contacts therefore does not depend on the staffing (common random
 *   numbers across staffings with one seed).
 * - Routing: an arriving contact goes to the longest-idle agent of the eligible groups with the
 *   fewest skills (specialists first; groups with equal skill counts compared by idle time); a
 *   freed agent serves the highest-priority queue among its skills, the oldest contact first
 *   among queues of equal priority.
 * - Abandonment when the patience runs out while waiting. A waiting contact affects nobody, so
 *   it is found lazily: a queue's expired contacts are dropped from its head when an agent looks.
 * - Staffing changes at slot boundaries; an agent leaving while busy finishes the contact first.
 * - The run stops at the end of the grid: contacts still waiting are `waitingAtEnd` (or
 *   abandoned, if their patience ran out before the end); services are cut at the end.
 *
 * The seed of queue q's stream is `replicationSeed(seed, replication, q)`: the result depends only
 * on (model, seed, replication). O(contacts log(queues + agents)); no allocation per event.
 * Example: `simulateReplication(model, 42, 0).offered` holds the contacts per queue and interval.
 */
export function simulateReplication(model: SimModel, seed: number, replication: number): ReplicationResult {
  const m = compileModel(model);
  const e = new ReplicationEngine(m, seed, replication);
  e.run();
  return {
    replication,
    seed: replicationSeed(seed, replication, 0),
    intervals: m.intervals,
    queues: m.queueCount,
    groups: m.groupCount,
    offered: e.offered,
    answered: e.answered,
    abandoned: e.abandoned,
    answeredWithin: e.answeredWithin,
    abandonedWithin: e.abandonedWithin,
    waitSecondsAnswered: e.waitSecondsAnswered,
    waitSecondsAbandoned: e.waitSecondsAbandoned,
    waitingAtEnd: e.waitingAtEnd,
    busySeconds: e.busySeconds,
    idleSeconds: e.idleSeconds,
    contacts: e.contacts,
  };
}
