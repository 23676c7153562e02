import { solveInterval } from '../erlang/solve-interval.js';
import type { IntervalStaffing, QueueParams } from '../erlang/types.js';
import type { SimQueue } from '../simulation/types.js';
import type { MultiSkillCentre } from './types.js';

/** One interval's approximate staffing per skill group. */
export interface IntervalApproximation {
  /** Agents per group (integers). */
  agents: number[];
  /**
   * True when every queue with volume is alone in its component and exponential: the Erlang C/A
   * answer is exact for the model, so the simulation has nothing to correct.
   */
  exact: boolean;
  /** Erlang C/A service level per queue at its standalone staffing (exact components only). */
  erlangServiceLevel: (number | undefined)[];
}

/**
 * The single-queue Erlang C (no patience) or Erlang A (exponential patience) staffing of a load
 * (`solveInterval` of src/erlang), at the queue's SL target (0.8 when it has none).
 */
export function erlangStaffing(
  queue: Pick<SimQueue, 'answerSeconds' | 'targetServiceLevel' | 'patienceSeconds'>,
  volume: number,
  ahtSeconds: number,
  intervalMinutes: number,
): IntervalStaffing {
  const params: QueueParams = {
    model: queue.patienceSeconds === undefined ? 'erlang-c' : 'erlang-a',
    targets: { serviceLevel: queue.targetServiceLevel ?? 0.8, answerSeconds: queue.answerSeconds },
  };
  if (queue.patienceSeconds !== undefined) params.patienceSeconds = queue.patienceSeconds;
  return solveInterval({ volume, ahtSeconds, intervalMinutes }, params);
}

/**
 * Agents per skill group for one interval, accounting for pooling:
 *
 * 1. Queues linked by a skill group form a component (`queueComponents`); pooling happens only
 *    inside one.
 * 2. A component with one queue is plain Erlang C (no patience) or Erlang A (src/erlang): all its
 *    agents go to its most proficient group (lowest handle-time factor, then fewest skills, then
 *    index). With exponential handle times this is exact.
 * 3. A larger component is staffed as one pooled queue: Erlang C/A on the summed volume with the
 *    volume-weighted handle time, the strictest target (highest SL, shortest answer time) and,
 *    when every queue has patience, the volume-weighted patience. The pooled safety staffing
 *    S = N - A is split across the queues in proportion to sqrt(a_q) (square-root staffing,
 *    Wallace & Whitt 2005, "A staffing algorithm for call centers with skill-based routing",
 *    MSOM 7(4):276-294, section 4), so queue q needs x_q = a_q + S sqrt(a_q) / sum sqrt(a).
 * 4. x_q goes to the groups whose primary skill (first listed) is q, in equal shares, each scaled
 *    by the group's handle-time factor for q; when no group has q as primary, to the groups with
 *    the fewest skills that serve q. The component's total is rounded up and distributed by
 *    largest remainder.
 *
 * Full cross-training with equal targets gives exactly the pooled Erlang requirement. The result
 * is a starting point: `staffMultiSkill` verifies it by simulation and adds agents where short.
 * O(queues x groups + Erlang solves).
 */
export function approximateGroupAgents(
  centre: MultiSkillCentre,
  interval: number,
  components: Int32Array,
): IntervalApproximation {
  const { queues, groups, intervalMinutes } = centre;
  const L = intervalMinutes * 60;
  const Q = queues.length;
  const agents = groups.map(() => 0);
  const erlangServiceLevel: (number | undefined)[] = queues.map(() => undefined);
  let exact = true;
  const factorOf = (g: number, q: number): number => {
    const group = groups[g]!;
    const j = group.skills.indexOf(q);
    return j < 0 ? 0 : (group.handleTimeFactors?.[j] ?? 1);
  };
  const componentCount = components.length === 0 ? 0 : Math.max(...components) + 1;
  for (let c = 0; c < componentCount; c++) {
    const members: number[] = [];
    for (let q = 0; q < Q; q++) {
      if (components[q] === c && (queues[q]!.volume[interval] as number) > 0) members.push(q);
    }
    if (members.length === 0) continue;
    const groupIdx = groups.map((_, g) => g).filter((g) => components[groups[g]!.skills[0] as number] === c);

    if (members.length === 1) {
      const q = members[0] as number;
      const queue = queues[q]!;
      const serving = groupIdx.filter((g) => factorOf(g, q) > 0);
      serving.sort(
        (a, b) => factorOf(a, q) - factorOf(b, q) || groups[a]!.skills.length - groups[b]!.skills.length || a - b,
      );
      const g = serving[0];
      if (g === undefined) continue; // no group serves it (staffMultiSkill rejects such a centre)
      const s = erlangStaffing(
        queue,
        queue.volume[interval] as number,
        queue.handleTime.meanSeconds * factorOf(g, q),
        intervalMinutes,
      );
      agents[g] = s.agents;
      erlangServiceLevel[q] = s.serviceLevel;
      if (queue.handleTime.kind !== 'exponential' || !s.met) exact = false;
      continue;
    }

    exact = false;
    let volume = 0;
    let work = 0;
    let patienceWeighted = 0;
    let allPatient = true;
    let answerSeconds = Infinity;
    let serviceLevel = 0;
    for (const q of members) {
      const queue = queues[q]!;
      const v = queue.volume[interval] as number;
      volume += v;
      work += v * queue.handleTime.meanSeconds;
      if (queue.patienceSeconds === undefined) allPatient = false;
      else patienceWeighted += v * queue.patienceSeconds;
      answerSeconds = Math.min(answerSeconds, queue.answerSeconds);
      serviceLevel = Math.max(serviceLevel, queue.targetServiceLevel ?? 0.8);
    }
    const pooledQueue = { answerSeconds, targetServiceLevel: serviceLevel } as Parameters<typeof erlangStaffing>[0];
    if (allPatient) pooledQueue.patienceSeconds = patienceWeighted / volume;
    const pooled = erlangStaffing(pooledQueue, volume, work / volume, intervalMinutes);
    const erlangs = work / L;
    const safety = pooled.agents - erlangs;
    let sqrtSum = 0;
    for (const q of members)
      sqrtSum += Math.sqrt(((queues[q]!.volume[interval] as number) * queues[q]!.handleTime.meanSeconds) / L);

    const share = groups.map(() => 0);
    for (const q of members) {
      const queue = queues[q]!;
      const a = ((queue.volume[interval] as number) * queue.handleTime.meanSeconds) / L;
      const x = a + (safety * Math.sqrt(a)) / sqrtSum;
      let takers = groupIdx.filter((g) => groups[g]!.skills[0] === q);
      if (takers.length === 0) {
        const serving = groupIdx.filter((g) => factorOf(g, q) > 0);
        const fewest = Math.min(...serving.map((g) => groups[g]!.skills.length));
        takers = serving.filter((g) => groups[g]!.skills.length === fewest);
      }
      for (const g of takers) share[g] = (share[g] as number) + (x * factorOf(g, q)) / takers.length;
    }
    roundShares(groupIdx, share, agents);
  }
  return { agents, exact, erlangServiceLevel };
}

/** Rounds the groups' shares to integers summing to ceil(total), largest remainders first. */
function roundShares(groupIdx: readonly number[], share: readonly number[], agents: number[]): void {
  let total = 0;
  for (const g of groupIdx) total += share[g] as number;
  let left = Math.ceil(total - 1e-9);
  for (const g of groupIdx) {
    agents[g] = Math.floor(share[g] as number);
    left -= agents[g] as number;
  }
  const order = [...groupIdx].sort((a, b) => ((share[b] as number) % 1) - ((share[a] as number) % 1) || a - b);
  for (let k = 0; left > 0 && order.length > 0; k = (k + 1) % order.length, left--) {
    const g = order[k] as number;
    agents[g] = (agents[g] as number) + 1;
  }
}
