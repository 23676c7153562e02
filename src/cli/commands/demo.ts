import type { Command } from 'commander';
import { VERDICT_HELP } from '../verdict.js';
import { join, resolve } from 'node:path';
import { WfmError } from '../../errors.js';
import { toCsv } from '../../formats/csv.js';
import { parsePlanConfig } from '../../contracts/plan-config.js';
import { planInputFromConfig } from '../../io/plan-config.js';
import { runPlanToFolder } from '../run-plan-to-folder.js';
import { saveRunAsDraft, wantsStore, type StoreFlags } from '../save-draft.js';
import { summaryText } from '../../report/summary-text.js';
import { buildDemoCentre } from '../../app/samples/demo-centre.js';
import { generateSampleWeek } from '../../app/samples/sample-week.js';
import { parseStaffingRequest, queueParamsOf, type StaffingResponse } from '../../contracts/staffing.js';
import { staffRequest, totalsOf } from '../../app/staffing.js';
import { numberFlag, writeOutputAtomic } from '../../io/files.js';
import { totalsLine } from './staff.js';
import { staffingCsv } from '../../formats/staffing-csv.js';

/** The demo's queue: 80 % in 20 s, occupancy at most 90 %, 30 % shrinkage. */
export const DEMO_QUEUE = {
  model: 'erlang-c',
  target: { serviceLevel: 0.8, answerSeconds: 20, maxOccupancy: 0.9 },
  shrinkage: 0.3,
} as const;

interface DemoOptions extends StoreFlags {
  seed?: string;
  out?: string;
  agents?: string;
  shiftPlanSeconds?: string;
  rosterSeconds?: string;
  writeConfig?: string;
  staffingOnly?: boolean;
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'The whole plan on a built-in contact centre: history -> forecast -> staffing -> shift ' +
        'plan -> roster -> HTML report.',
    )
    .option('--seed <n>', 'seed of the demo generators (default 20260601)')
    .option(
      '--out <dir>',
      'output folder, written atomically (default ./wfm-demo-out; with --staffing-only: where to write the two CSVs)',
    )
    .option('--agents <n>', 'agents in the centre (default 150; the volume scales with it)')
    .option('--shift-plan-seconds <s>', 'MIP time limit of the shift plan (default 10)')
    .option('--roster-seconds <s>', 'roster search time limit (default 10)')
    .option(
      '--write-config <file>',
      'also write the demo as a `wfm plan --config` file (inline history, rules and agents) to start your own from',
    )
    .option(
      '--data <dir>',
      'save the roster as a draft in the planning store (PGlite in DIR; else DATABASE_URL when set)',
    )
    .option('--centre <code>', 'the store centre to save to, created on first use (default main)')
    .option('--series <name>', "the draft's series (default the ISO week of the roster, e.g. 2026-W23)")
    .option('--staffing-only', 'only staff one sample week and print the per-day staffing (the earlier, quick demo)')
    .addHelpText(
      'after',
      `
The centre: 10 weeks of 15-minute history (two daily peaks, Monday busiest, lighter weekend, two
holidays marked as special days), 150 agents in four teams (full-time 40 h, part-time 20-30 h,
Friday-to-Sunday weekend workers) with availability, time off, preferences and retraining flags,
shift templates with paid breaks and an unpaid lunch, and a daily retraining pool. Erlang C, 80 %
answered within 20 s, occupancy at most 90 %, shrinkage 30 %.

Writes the same folder as wfm plan (docs/plan.md): open report.html in a browser.`,
    )
    .addHelpText('after', VERDICT_HELP)
    .action((opts: DemoOptions) => (opts.staffingOnly ? runStaffingDemo(opts) : runPlanDemo(opts)));
}

async function runPlanDemo(opts: DemoOptions): Promise<void> {
  const seed = numberFlag(opts.seed, '--seed');
  const agents = numberFlag(opts.agents, '--agents');
  if (agents !== undefined && !(Number.isInteger(agents) && agents >= 1 && agents <= 5000)) {
    throw new WfmError('WFM_ERR_INPUT_INVALID', `--agents: ${agents} is not a whole number from 1 to 5,000.`, {
      issues: [{ path: ['--agents'], message: 'a whole number from 1 to 5,000' }],
    });
  }
  const shiftPlanSeconds = numberFlag(opts.shiftPlanSeconds, '--shift-plan-seconds');
  const rosterSeconds = numberFlag(opts.rosterSeconds, '--roster-seconds');
  const demo = buildDemoCentre({
    ...(seed !== undefined ? { seed } : {}),
    ...(agents !== undefined ? { agents } : {}),
    ...(shiftPlanSeconds !== undefined ? { shiftPlanSeconds } : {}),
    ...(rosterSeconds !== undefined ? { rosterSeconds } : {}),
  });
  const config = parsePlanConfig(demo);
  if (opts.writeConfig) writeOutputAtomic(opts.writeConfig, `${JSON.stringify(demo, null, 2)}\n`);
  const out = opts.out ?? 'wfm-demo-out';
  const input = planInputFromConfig(config, process.cwd());
  const artifacts = await runPlanToFolder(input, out);
  process.stdout.write(summaryText(artifacts.summary, out));
  if (wantsStore(opts)) process.stdout.write(await saveRunAsDraft(opts, input, artifacts));
  process.stdout.write(`Open ${join(resolve(out), 'report.html')} in a browser.\n`);
}

/** Staffs the sample week (exported for tests). */
export function staffSampleWeek(seed?: number): StaffingResponse {
  const week = generateSampleWeek(seed === undefined ? {} : { seed });
  return staffRequest(
    parseStaffingRequest({
      ...DEMO_QUEUE,
      intervalMinutes: week.intervalMinutes,
      timeZone: week.timeZone,
      intervals: week.intervals,
    }),
  );
}

function runStaffingDemo(opts: DemoOptions): void {
  const seed = numberFlag(opts.seed, '--seed');
  const week = generateSampleWeek(seed === undefined ? {} : { seed });
  const response = staffSampleWeek(seed);
  const lines = [
    `Sample week ${week.intervals[0]?.start.slice(0, 10)} (${week.timeZone}), ${week.intervalMinutes}-minute ` +
      `intervals, Erlang C, target 80 % in 20 s, occupancy <= 90 %, shrinkage 30 %`,
    '',
    'day         contacts  peak agents  agent-hours  headcount-hours  service level  occupancy',
  ];
  const days = new Map<string, StaffingResponse['intervals']>();
  for (const row of response.intervals) {
    const day = row.start?.slice(0, 10) ?? '';
    days.set(day, [...(days.get(day) ?? []), row]);
  }
  for (const [day, rows] of days) {
    const t = totalsOf(
      rows,
      response.intervalMinutes,
      queueParamsOf({ ...DEMO_QUEUE, target: { ...DEMO_QUEUE.target } }),
    );
    const weekday = new Date(`${day}T12:00:00Z`).toUTCString().slice(0, 3);
    lines.push(
      `${weekday} ${day.slice(5)}  ${String(t.volume).padStart(8)}  ${String(t.peakAgents).padStart(11)}  ` +
        `${t.agentHours.toFixed(1).padStart(11)}  ${t.headcountHours.toFixed(1).padStart(15)}  ` +
        `${pct(t.serviceLevel).padStart(13)}  ${pct(t.occupancy).padStart(9)}`,
    );
  }
  lines.push('', totalsLine(response.totals));
  if (opts.out) {
    writeOutputAtomic(
      join(opts.out, 'sample-week.csv'),
      toCsv(
        week.intervals.map((r) => ({ start: r.start, volume: r.volume, aht_seconds: r.ahtSeconds })),
        ['start', 'volume', 'aht_seconds'],
      ),
    );
    writeOutputAtomic(join(opts.out, 'staffing.csv'), staffingCsv(response));
    lines.push(`wrote ${join(opts.out, 'sample-week.csv')} and ${join(opts.out, 'staffing.csv')}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

function pct(x: number | null): string {
  return x === null ? 'n/a' : `${(x * 100).toFixed(1)} %`;
}
