/**
 * Multi-skill shift plans (docs/shift-plan.md, "Skills") on generated centres from 2 queues x 2 skill
 * groups with 50 agents up to 6 queues x 8 groups with 300 agents: one week of 15-minute intervals,
 * open 07:00-22:00 (weekends 08:00-20:00), each queue staffed alone by Erlang C at its target, and the
 * shift plan made per queue with skill flows for the named agents. Reported per centre: paid hours /
 * LP bound, each queue's agent-intervals short in the plan, the plan simulated per queue (the agents of
 * each skill set on the phones per interval; 4 replications) against its target, and the plan's time;
 * then the same agents as one separate team per queue (each agent keeps one skill, teams sized by the
 * queues' workload) planned the same way, for the saving of cross-training.
 */
import { parseShiftPlanRules } from '../src/contracts/shift-plan.js';
import { parseSimulationRequest, type SimulationRequestInput } from '../src/contracts/simulation.js';
import { summariseSimulation } from '../src/app/simulation.js';
import { solveInterval } from '../src/erlang/index.js';
import { loadSolver } from '../src/scheduler/mip/highs.js';
import { planShifts } from '../src/scheduler/shift-plan/plan.js';
import { planWithSkillCuts, type SkillMiss } from '../src/scheduler/shift-plan/skill-cuts.js';
import { onPhoneBySkillSet } from '../src/app/skill-plan-check.js';
import type { PlanRequirement } from '../src/scheduler/shift-plan/rules.js';
import type { SupplyAgent } from '../src/scheduler/shift-plan/supply-agents.js';
import type { ShiftPlan } from '../src/scheduler/shift-plan/types.js';
import { simulateReplications } from '../src/simulation/index.js';
import { nowMs, writeResult } from './lib/report.js';

const SIZES: [number, number, number][] = [
  [2, 2, 50],
  [3, 4, 100],
  [4, 6, 200],
  [6, 8, 300],
];
const AHT = [180, 240, 300, 420, 200, 360];
const ANSWER = [20, 20, 30, 60, 20, 30];
const TARGET = [0.8, 0.8, 0.8, 0.8, 0.9, 0.8];
const ORIGIN = Date.parse('2026-06-01T00:00:00Z'); // a Monday
const SLOTS = 672;
const TIME_LIMIT = 30;
const REPLICATIONS = 4;
/**
 * Simulation cuts as `wfm plan` runs them (SKILL_CHECK_ROUNDS re-plans at most), within the 60 s the
 * issue allows a 6-queue, 300-agent centre: no re-plan starts after it, each gets the time left.
 */
const CUT_ROUNDS = 3;
const CUT_BUDGET_SECONDS = 60;

const RULES = parseShiftPlanRules({
  templates: [
    { name: 'ft8', paidMinutes: 480, starts: [{ from: '07:00', to: '14:00', stepMinutes: 30 }] },
    { name: 'pt4', paidMinutes: 240, starts: [{ from: '07:00', to: '18:00', stepMinutes: 30 }] },
  ],
  breakRules: [
    {
      template: 'ft8',
      breaks: [
        { name: 'break-1', minutes: 15, paid: true, earliestStartMinutes: 90, latestStartMinutes: 150 },
        { name: 'lunch', minutes: 30, paid: false, earliestStartMinutes: 210, latestStartMinutes: 300 },
        { name: 'break-2', minutes: 15, paid: true, earliestStartMinutes: 360, latestStartMinutes: 420 },
      ],
    },
  ],
  openingHours: [
    { days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '07:00', close: '22:00' },
    { days: ['sat', 'sun'], open: '08:00', close: '20:00' },
  ],
  coverage: { mode: 'soft', underPenaltyPerAgentInterval: 10 },
  solver: { timeLimitSeconds: TIME_LIMIT, relativeGap: 0.01, seed: 1 },
}).rules;

/** Skill groups as in multiskill-centres: specialists per queue, then cross-trained pairs and triples. */
function groupsOf(Q: number, G: number): number[][] {
  if (G <= Q) return [[0], [0, 1]];
  const groups = Array.from({ length: Q }, (_, q) => [q]);
  for (let j = 0; groups.length < G; j++) {
    const skills = [j % Q, (j + 1) % Q];
    if (j % 2 === 1 && Q > 2) skills.push((j + 2) % Q);
    groups.push(skills);
  }
  return groups;
}

/** Two daily peaks, lighter weekends; 0 outside the opening hours. */
function shape(slot: number): number {
  const day = Math.floor(slot / 96);
  const h = ((slot % 96) + 0.5) / 4;
  const weekend = day >= 5;
  if (h < (weekend ? 8 : 7) || h >= (weekend ? 20 : 22)) return 0;
  const peaks = 0.5 + Math.exp(-(((h - 10.5) / 1.8) ** 2)) + 0.8 * Math.exp(-(((h - 15.5) / 2) ** 2));
  return peaks * (weekend ? 0.6 : day === 0 ? 1.15 : 1);
}

const queueParams = (q: number) => ({
  model: 'erlang-c' as const,
  targets: { serviceLevel: TARGET[q] as number, answerSeconds: ANSWER[q] as number },
});

function requiredOf(q: number, peak: number): { volume: number[]; required: number[] } {
  const volume = Array.from({ length: SLOTS }, (_, s) => Math.round(peak * shape(s) * 10) / 10);
  const required = volume.map((v) =>
    v > 0 ? solveInterval({ volume: v, ahtSeconds: AHT[q] as number, intervalMinutes: 15 }, queueParams(q)).agents : 0,
  );
  return { volume, required };
}

/** Agents: 3 in 4 full-time (40 h, 5 days), the rest part-time (24 h, 4 days); skills by group, round robin. */
function agentsOf(N: number, skillsOf: (k: number) => number[], names: string[]): SupplyAgent[] {
  return Array.from({ length: N }, (_, k) => ({
    id: `a${k}`,
    skills: skillsOf(k).map((q) => names[q] as string),
    contract:
      k % 4 === 3
        ? { minHoursPerWeek: 0, maxHoursPerWeek: 24, maxDaysPerWeek: 4 }
        : { minHoursPerWeek: 0, maxHoursPerWeek: 40, maxDaysPerWeek: 5 },
    availability: { timeOff: [] },
  }));
}

/** Volumes sized so that each queue's requirement is ~70 % of the contract hours of the agents who can serve it. */
function centre(Q: number, G: number, N: number) {
  const groups = groupsOf(Q, G);
  const names = Array.from({ length: Q }, (_, q) => `q${q}`);
  const maxHours = N * (0.75 * 40 + 0.25 * 24);
  const capacity = names.map((_, q) =>
    groups.reduce((sum, g) => sum + (g.includes(q) ? maxHours / groups.length / g.length : 0), 0),
  );
  const queues = names.map((name, q) => {
    let peak = 10;
    let r = requiredOf(q, peak);
    for (let it = 0; it < 3; it++) {
      const hours = r.required.reduce((a, b) => a + b, 0) / 4;
      peak *= (0.7 * (capacity[q] as number)) / hours;
      r = requiredOf(q, peak);
    }
    return { name, priority: q === 0 ? 1 : 0, ...r };
  });
  return { groups, names, queues, agents: agentsOf(N, (k) => groups[k % groups.length] as number[], names) };
}

/** One separate team per queue: each agent keeps one skill, teams in proportion to the queues' workload. */
function separateTeams(c: ReturnType<typeof centre>): SupplyAgent[] {
  const hours = c.queues.map((q) => q.required.reduce((a, b) => a + b, 0));
  const total = hours.reduce((a, b) => a + b, 0);
  const N = c.agents.length;
  const cut = hours.map((_, q) => Math.round((N * hours.slice(0, q + 1).reduce((a, b) => a + b, 0)) / total));
  return c.agents.map((a, k) => ({ ...a, skills: [c.names[cut.findIndex((x) => k < x)] ?? (c.names[0] as string)] }));
}

function requirementOf(c: ReturnType<typeof centre>): PlanRequirement {
  return {
    originMs: ORIGIN,
    intervalMinutes: 15,
    timeZone: 'UTC',
    required: Array.from({ length: SLOTS }, (_, s) => c.queues.reduce((sum, q) => sum + (q.required[s] as number), 0)),
    present: Array.from({ length: SLOTS }, () => true),
    queues: c.queues.map((q, k) => ({
      name: q.name,
      priority: q.priority,
      required: q.required,
      load: {
        volume: q.volume,
        ahtSeconds: q.volume.map(() => AHT[k] as number),
        serviceLevel: TARGET[k] as number,
        answerSeconds: ANSWER[k] as number,
      },
    })),
  };
}

/** The queues and intervals the simulation of a plan finds wholly below target (95 % interval). */
function missesOf(sim: ReturnType<typeof simulatePlan>): SkillMiss[] {
  return sim.queues.flatMap((q, queue) =>
    q.intervals.flatMap((x, slot) =>
      x.serviceLevel.high !== null && x.serviceLevel.high < q.targetServiceLevel ? [{ queue, slot }] : [],
    ),
  );
}

/** The plan simulated: per skill set, its agents on the phones per interval (shift minus breaks). */
function simulatePlan(plan: ShiftPlan, c: ReturnType<typeof centre>) {
  const bySkills = onPhoneBySkillSet(plan);
  const body: SimulationRequestInput = {
    start: new Date(ORIGIN).toISOString(),
    timeZone: 'UTC',
    intervalMinutes: 15,
    queues: c.queues.map((q, k) => ({
      name: q.name,
      priority: q.priority,
      volume: q.volume,
      ahtSeconds: AHT[k] as number,
      target: { serviceLevel: TARGET[k] as number, answerSeconds: ANSWER[k] as number },
    })),
    groups: [...bySkills].map(([key, agents]) => ({ name: key, skills: key.split('|'), agents })),
    seed: 14,
    replications: REPLICATIONS,
  };
  const request = parseSimulationRequest(body);
  return summariseSimulation(request, simulateReplications(request.model, request));
}

function planFigures(plan: ShiftPlan, ms: number) {
  const q = plan.quality;
  return {
    paidHours: q.paidHours,
    lpBound: +q.lpBound.toFixed(2),
    paidOverBound: q.paidOverBound === null ? null : +q.paidOverBound.toFixed(4),
    objectiveOverBound: +q.objectiveOverBound.toFixed(4),
    status: q.status,
    mipGap: q.mipGap === null ? null : +q.mipGap.toFixed(4),
    planSeconds: +(ms / 1000).toFixed(1),
    queueShortAgentIntervals: (plan.queueCoverage?.queues ?? []).map((x) => x.underAgentIntervals),
  };
}

const highs = await loadSolver();
const rows = [];
for (const [Q, G, N] of SIZES) {
  const c = centre(Q, G, N);
  const req = requirementOf(c);
  const t0 = nowMs();
  const cut = planWithSkillCuts(
    req,
    RULES,
    { highs, agents: c.agents },
    {
      verify: (p) => missesOf(simulatePlan(p, c)),
      maxRounds: CUT_ROUNDS,
      timeBudgetMs: CUT_BUDGET_SECONDS * 1000,
      now: nowMs,
    },
  );
  const totalMs = nowMs() - t0;
  const plan = cut.plan;
  const ms = cut.rounds[cut.rounds.length - 1]!.ms;
  const sim = simulatePlan(plan, c);
  const queues = sim.queues.map((q) => {
    return {
      queue: q.name,
      target: q.targetServiceLevel,
      sl: q.totals.serviceLevel ? +(q.totals.serviceLevel.mean as number).toFixed(4) : null,
      low: q.totals.serviceLevel ? +(q.totals.serviceLevel.low as number).toFixed(4) : null,
      met: q.met,
      intervalsWhollyBelowTarget: q.shortIntervals,
    };
  });
  const t1 = nowMs();
  const separate = planShifts(req, RULES, { highs, agents: separateTeams(c) });
  const separateMs = nowMs() - t1;
  const row = {
    size: `${Q} queues x ${G} groups, ${N} agents`,
    requiredAgentHours: c.queues.map((q) => q.required.reduce((a, b) => a + b, 0) / 4),
    crossTrained: {
      ...planFigures(plan, ms),
      totalSeconds: +(totalMs / 1000).toFixed(1),
      cutRounds: cut.rounds.map((r) => ({
        misses: r.misses,
        paidHours: r.paidHours,
        objectiveOverBound: +(r.objective / r.lpBound).toFixed(4),
        seconds: +(r.ms / 1000).toFixed(1),
      })),
      raisedAgentIntervals: cut.raised,
      queues,
    },
    separateTeams: planFigures(separate, separateMs),
  };
  rows.push(row);
  console.log(
    `${Q}x${G} ${N} agents: paid ${plan.quality.paidHours} h, paid/bound ${row.crossTrained.paidOverBound}, ` +
      `${(ms / 1000).toFixed(1)} s (${(totalMs / 1000).toFixed(1)} s with ${cut.rounds.length - 1} cut rounds, ` +
      `misses ${cut.rounds.map((r) => r.misses).join('>')}), short ${row.crossTrained.queueShortAgentIntervals.join('/')}, ` +
      `sim ${queues.map((q) => `${q.queue} ${q.sl}${q.met ? '' : '!'}`).join(' ')}; separate teams paid ` +
      `${separate.quality.paidHours} h, short ${row.separateTeams.queueShortAgentIntervals.join('/')}`,
  );
}

const largest = rows[rows.length - 1]!;
const allSimMet = rows.every((r) => r.crossTrained.queues.every((q) => q.met));
const ratios = rows.map((r) => r.crossTrained.paidOverBound);
const worstRatio = ratios.some((x) => x === null) ? null : Math.max(...(ratios as number[]));
const worstCost = Math.max(...rows.map((r) => r.crossTrained.objectiveOverBound));
writeResult({
  name: 'multiskill-plan',
  description:
    'Multi-skill shift plans with skill flows (2x2/50 agents to 6x8/300 agents, 15-minute week): paid/LP bound, per-queue cover, the plan simulated per queue, time; against one separate team per queue',
  size: {
    centres: SIZES.length,
    largest: '6 queues x 8 groups, 300 agents',
    slots: SLOTS,
    timeLimitSeconds: TIME_LIMIT,
  },
  metrics: {
    allQueuesMetBySimulation: allSimMet,
    worstPaidOverBound: worstRatio,
    worstCostOverBound: worstCost,
    largestPlanSeconds: largest.crossTrained.planSeconds,
    largestSecondsWithCuts: largest.crossTrained.totalSeconds,
    crossTrainedPaidHours: rows.reduce((a, r) => a + r.crossTrained.paidHours, 0),
    separateTeamsPaidHours: rows.reduce((a, r) => a + r.separateTeams.paidHours, 0),
    crossTrainedShortAgentIntervals: rows.reduce(
      (a, r) => a + r.crossTrained.queueShortAgentIntervals.reduce((x, y) => x + y, 0),
      0,
    ),
    separateTeamsShortAgentIntervals: rows.reduce(
      (a, r) => a + r.separateTeams.queueShortAgentIntervals.reduce((x, y) => x + y, 0),
      0,
    ),
  },
  targets: {
    simulated: { target: 'every queue of every centre meets its target in the simulation of the plan', met: allSimMet },
    bound: { target: 'plan cost <= 1.03 x LP bound of the model solved, on every centre', met: worstCost <= 1.03 },
    time: {
      target: '<= 60 s for 6 queues x 8 groups, 300 agents (one plan; with its simulation cuts: timeWithCuts)',
      met: largest.crossTrained.planSeconds <= 60,
    },
    timeWithCuts: {
      target: '<= 60 s for 6 queues x 8 groups, 300 agents, the plan with its simulation and cuts',
      met: largest.crossTrained.totalSeconds <= 60,
    },
  },
  details: rows,
});
