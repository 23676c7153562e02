/**
 * The subsets of queues a multi-skill plan covers, and each subset's pooled requirement
 * (docs/shift-plan.md, "Skills").
 *
 * By Hall's theorem, agents of the skill classes can be routed so that each queue q gets d_q of
 * them iff, for every subset S of queues, the agents holding at least one skill of S number at
 * least sum_{q in S} d_q. The plan writes these conditions with the requirement of S's pooled load
 * R(S) in place of the sum: Erlang C (or A) on the summed volume of S, its volume-weighted handle
 * time, the strictest target of S (highest SL, shortest answer time), kept between the largest and
 * the sum of its members' own requirements. Agents who share skills then count once for the load
 * they share, which is where cross-training saves. Without the queues' load the sum is used, and
 * the rows are exactly the conditions of a routing meeting every queue staffed alone.
 *
 * Which subsets: a subset split into parts that no skill class links adds nothing (its condition
 * follows from the parts'), nor does one whose agents are those of a larger subset (the larger
 * one's requirement is at least as high). Up to `ALL_SUBSETS_MAX_QUEUES` queues every connected,
 * closed subset is kept (at most 2^10 - 1); above, singletons, each class's skill set, the union of
 * two classes' skill sets that overlap and each linked component, each closed.
 */
import { solveInterval } from '../../erlang/solve-interval.js';
import type { QueueParams } from '../../erlang/types.js';
import type { PlanQueueRequirement } from './rules.js';

/** Queues up to which every connected, closed subset of queues gets its row. */
export const ALL_SUBSETS_MAX_QUEUES = 10;

/** A subset of queues and, per slot, the agents holding one of its skills it needs. */
export interface QueueSubset {
  /** Queue indices, ascending. */
  queues: number[];
  required: number[];
}

/** The classes (indices) holding queue q, per queue. */
function classesOfQueues(queueCount: number, classes: readonly (readonly number[])[]): number[][] {
  const of: number[][] = Array.from({ length: queueCount }, () => []);
  classes.forEach((cls, k) => cls.forEach((q) => of[q]?.push(k)));
  return of;
}

/** True when the classes holding a skill of `set` link all of its queues. */
function connected(set: readonly number[], classes: readonly (readonly number[])[]): boolean {
  if (set.length <= 1) return true;
  const inSet = new Set(set);
  const reached = new Set([set[0] as number]);
  for (let grown = true; grown;) {
    grown = false;
    for (const cls of classes) {
      if (!cls.some((q) => reached.has(q))) continue;
      for (const q of cls)
        if (inSet.has(q) && !reached.has(q)) {
          reached.add(q);
          grown = true;
        }
    }
  }
  return reached.size === set.length;
}

/** The queues all of whose classes hold a skill of `set` (with `set` itself), ascending. */
function closure(set: readonly number[], classesOf: readonly number[][]): number[] {
  const touched = new Set(set.flatMap((q) => classesOf[q] ?? []));
  return classesOf
    .map((ks, q) => q)
    .filter((q) => set.includes(q) || ((classesOf[q]?.length ?? 0) > 0 && classesOf[q]!.every((k) => touched.has(k))));
}

/** The subsets of queues the plan writes a row for (singletons first, then by size). */
export function queueSubsets(queueCount: number, classes: readonly (readonly number[])[]): number[][] {
  const classesOf = classesOfQueues(queueCount, classes);
  const keep = new Map<string, number[]>();
  const add = (set: number[]) => {
    const sorted = [...new Set(set)].sort((a, b) => a - b);
    if (sorted.length > 1 && !connected(sorted, classes)) return;
    const key = sorted.join(',');
    if (sorted.length === 1 || closure(sorted, classesOf).length === sorted.length) keep.set(key, sorted);
  };
  for (let q = 0; q < queueCount; q++) add([q]);
  const linked = classes.filter((cls) => cls.length > 1);
  if (queueCount <= ALL_SUBSETS_MAX_QUEUES) {
    for (let mask = 1; mask < 1 << queueCount; mask++) {
      const set = Array.from({ length: queueCount }, (_, q) => q).filter((q) => mask & (1 << q));
      if (set.length > 1) add(set);
    }
  } else {
    const candidates: number[][] = linked.map((cls) => [...cls]);
    linked.forEach((a, i) =>
      linked.slice(i + 1).forEach((b) => {
        if (a.some((q) => b.includes(q))) candidates.push([...a, ...b]);
      }),
    );
    for (const component of components(queueCount, classes)) candidates.push(component);
    for (const set of candidates) add(closure(set, classesOf));
  }
  return [...keep.values()].sort((a, b) => a.length - b.length || a.join().localeCompare(b.join()));
}

/** The queues linked by skill classes, as lists of queue indices. */
function components(queueCount: number, classes: readonly (readonly number[])[]): number[][] {
  const seen = new Set<number>();
  const out: number[][] = [];
  for (let q = 0; q < queueCount; q++) {
    if (seen.has(q)) continue;
    const part = [q];
    seen.add(q);
    for (let i = 0; i < part.length; i++)
      for (const cls of classes)
        if (cls.includes(part[i] as number))
          for (const r of cls)
            if (!seen.has(r)) {
              seen.add(r);
              part.push(r);
            }
    if (part.length > 1) out.push(part);
  }
  return out;
}

/**
 * Each subset's requirement per slot: its members' own for a singleton; else the pooled load's
 * (`pooledAgents`) plus the largest simulation raise of a member, between the largest and the sum of
 * the members' requirements. `coverable[s]` false gives 0. O(subsets x slots) Erlang solves, one per
 * distinct load.
 */
export function subsetRequirements(
  queues: readonly PlanQueueRequirement[],
  subsets: readonly number[][],
  intervalMinutes: number,
  coverable: readonly boolean[],
): QueueSubset[] {
  const memo = new Map<string, number>();
  return subsets.map((set) => ({
    queues: set,
    required: coverable.map((open, s) => {
      if (!open) return 0;
      const own = set.map((q) => queues[q]?.required[s] ?? 0);
      const sum = own.reduce((a, b) => a + b, 0);
      if (set.length === 1) return sum;
      const pooled = pooledAgents(queues, set, s, intervalMinutes, memo);
      if (pooled === null) return sum;
      const raise = Math.max(0, ...set.map((q) => queues[q]?.raise?.[s] ?? 0));
      return Math.min(sum, Math.max(pooled + raise, ...own));
    }),
  }));
}

/** Erlang C/A agents for the pooled load of `set` at slot s; null when a member has no load given. */
function pooledAgents(
  queues: readonly PlanQueueRequirement[],
  set: readonly number[],
  s: number,
  intervalMinutes: number,
  memo: Map<string, number>,
): number | null {
  let volume = 0;
  let work = 0;
  let serviceLevel = 0;
  let answerSeconds = Infinity;
  let patience = 0;
  let allPatient = true;
  for (const q of set) {
    const load = queues[q]?.load;
    if (!load) return null;
    const v = load.volume[s] ?? 0;
    if (!(v > 0)) continue;
    volume += v;
    work += v * (load.ahtSeconds[s] ?? 0);
    serviceLevel = Math.max(serviceLevel, load.serviceLevel);
    answerSeconds = Math.min(answerSeconds, load.answerSeconds);
    if (load.patienceSeconds === undefined) allPatient = false;
    else patience += v * load.patienceSeconds;
  }
  if (!(volume > 0) || !(work > 0)) return 0;
  const key = `${volume}|${work}|${serviceLevel}|${answerSeconds}|${allPatient ? patience : -1}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const params: QueueParams = {
    model: allPatient ? 'erlang-a' : 'erlang-c',
    targets: { serviceLevel, answerSeconds },
    ...(allPatient ? { patienceSeconds: patience / volume } : {}),
  };
  const agents = solveInterval({ volume, ahtSeconds: work / volume, intervalMinutes }, params).agents;
  memo.set(key, agents);
  return agents;
}
