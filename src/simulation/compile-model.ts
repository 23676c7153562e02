import type { SimModel } from './types.js';
import { validateModel } from './validate-model.js';

/** A model flattened into typed arrays for the event loop. Built once per model object. */
export interface CompiledModel {
  intervals: number;
  intervalSeconds: number;
  queueCount: number;
  groupCount: number;
  agentCount: number;
  /** Arrival rate per second, [queue * intervals + interval]. */
  ratePerSecond: Float64Array;
  /** Per queue: 0 exponential, 1 log-normal; its mean (or log-mean mu) and log-sd sigma. */
  workKind: Uint8Array;
  workMean: Float64Array;
  workMu: Float64Array;
  workSigma: Float64Array;
  /** Per queue: mean patience seconds, 0 = infinite. */
  patienceSeconds: Float64Array;
  answerSeconds: Float64Array;
  /** Handle-time factor [group * queues + queue]; 0 where the group lacks the skill. */
  factor: Float64Array;
  /** Per queue, the groups that serve it, fewest skills first: groups[start[q] .. start[q + 1]). */
  queueGroupStart: Int32Array;
  queueGroups: Int32Array;
  /** Skill count per group (ties of it form one tier of the specialists-first order). */
  skillCount: Int32Array;
  /** Per group, its skills by priority, highest first: skills[start[g] .. start[g + 1]). */
  groupSkillStart: Int32Array;
  groupSkills: Int32Array;
  priority: Float64Array;
  /** Agents of group g are agentStart[g] .. agentStart[g + 1]. */
  agentStart: Int32Array;
  agentGroup: Int32Array;
  /** Count mode: agents on the phones [group * intervals + interval]; -1 rows use masks. */
  staffing: Int32Array;
  usesMasks: Uint8Array;
  /** Mask mode: [agent * intervals + interval] nonzero = on the phones. */
  onPhone: Uint8Array;
}

const cache = new WeakMap<SimModel, CompiledModel>();

/**
 * Validates and flattens a model (memoised per model object: replications share one build, so a
 * model changed in place after its first simulation would keep its old compiled form).
 * O(queues x intervals + agents x intervals + groups x queues log).
 */
export function compileModel(model: SimModel): CompiledModel {
  const hit = cache.get(model);
  if (hit !== undefined) return hit;
  validateModel(model);
  const { intervals, queues, groups } = model;
  const intervalSeconds = model.intervalMinutes * 60;
  const Q = queues.length;
  const G = groups.length;
  const ratePerSecond = new Float64Array(Q * intervals);
  const workKind = new Uint8Array(Q);
  const workMean = new Float64Array(Q);
  const workMu = new Float64Array(Q);
  const workSigma = new Float64Array(Q);
  const patienceSeconds = new Float64Array(Q);
  const answerSeconds = new Float64Array(Q);
  const priority = new Float64Array(Q);
  queues.forEach((q, k) => {
    for (let i = 0; i < intervals; i++) ratePerSecond[k * intervals + i] = (q.volume[i] as number) / intervalSeconds;
    const h = q.handleTime;
    workMean[k] = h.meanSeconds;
    if (h.kind === 'lognormal' && h.cv > 0) {
      // Log-normal with mean m and cv c: sigma^2 = ln(1 + c^2), mu = ln m - sigma^2 / 2.
      const s2 = Math.log(1 + h.cv * h.cv);
      workKind[k] = 1;
      workSigma[k] = Math.sqrt(s2);
      workMu[k] = Math.log(h.meanSeconds) - s2 / 2;
    }
    patienceSeconds[k] = q.patienceSeconds ?? 0;
    answerSeconds[k] = q.answerSeconds;
    priority[k] = q.priority;
  });

  const factor = new Float64Array(G * Q);
  const skillCount = new Int32Array(G);
  const groupSkillStart = new Int32Array(G + 1);
  const groupSkillList: number[] = [];
  groups.forEach((g, k) => {
    skillCount[k] = g.skills.length;
    g.skills.forEach((s, j) => (factor[k * Q + s] = g.handleTimeFactors?.[j] ?? 1));
    const sorted = [...g.skills].sort((a, b) => (priority[b] as number) - (priority[a] as number) || a - b);
    groupSkillList.push(...sorted);
    groupSkillStart[k + 1] = groupSkillList.length;
  });
  const queueGroupStart = new Int32Array(Q + 1);
  const queueGroupList: number[] = [];
  for (let q = 0; q < Q; q++) {
    const serving = groups.map((_, k) => k).filter((k) => (factor[k * Q + q] as number) > 0);
    serving.sort((a, b) => (skillCount[a] as number) - (skillCount[b] as number) || a - b);
    queueGroupList.push(...serving);
    queueGroupStart[q + 1] = queueGroupList.length;
  }

  const agentStart = new Int32Array(G + 1);
  const staffing = new Int32Array(G * intervals).fill(-1);
  const usesMasks = new Uint8Array(G);
  groups.forEach((g, k) => {
    let n = 0;
    if (g.onPhoneMasks !== undefined) {
      usesMasks[k] = 1;
      n = g.onPhoneMasks.length;
    } else if (g.agents !== undefined) {
      for (let i = 0; i < intervals; i++) {
        const a = g.agents[i] as number;
        staffing[k * intervals + i] = a;
        if (a > n) n = a;
      }
    }
    agentStart[k + 1] = (agentStart[k] as number) + n;
  });
  const agentCount = agentStart[G] as number;
  const agentGroup = new Int32Array(agentCount);
  const onPhone = new Uint8Array(agentCount * intervals);
  groups.forEach((g, k) => {
    const first = agentStart[k] as number;
    for (let a = first; a < (agentStart[k + 1] as number); a++) agentGroup[a] = k;
    g.onPhoneMasks?.forEach((mask, j) => {
      for (let i = 0; i < intervals; i++) onPhone[(first + j) * intervals + i] = (mask[i] as number) ? 1 : 0;
    });
  });

  const compiled: CompiledModel = {
    intervals,
    intervalSeconds,
    queueCount: Q,
    groupCount: G,
    agentCount,
    ratePerSecond,
    workKind,
    workMean,
    workMu,
    workSigma,
    patienceSeconds,
    answerSeconds,
    factor,
    queueGroupStart,
    queueGroups: Int32Array.from(queueGroupList),
    skillCount,
    groupSkillStart,
    groupSkills: Int32Array.from(groupSkillList),
    priority,
    agentStart,
    agentGroup,
    staffing,
    usesMasks,
    onPhone,
  };
  cache.set(model, compiled);
  return compiled;
}
