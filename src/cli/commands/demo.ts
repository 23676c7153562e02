import type { Command } from 'commander';
import { join } from 'node:path';
import { toCsv } from '../../io/csv.js';
import { generateSampleWeek } from '../../samples/sample-week.js';
import { parseStaffingRequest, queueParamsOf, staffRequest, totalsOf, type StaffingResponse } from '../../schemas/staffing.js';
import { numberFlag, writeOutputAtomic } from '../io.js';
import { staffingCsv, totalsLine } from './staff.js';

/** The demo's queue: 80 % in 20 s, occupancy at most 90 %, 30 % shrinkage. */
export const DEMO_QUEUE = { model: 'erlang-c', target: { serviceLevel: 0.8, answerSeconds: 20, maxOccupancy: 0.9 }, shrinkage: 0.3 } as const;

interface DemoOptions {
  seed?: string;
  out?: string;
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('Staff a built-in sample week (15-minute intervals, two daily peaks, lighter weekend) and print a summary.')
    .option('--seed <n>', 'seed of the sample generator (default 20260601)')
    .option('--out <dir>', 'also write sample-week.csv (the input) and staffing.csv (per interval) to this folder')
    .addHelpText(
      'after',
      `
The queue: Erlang C, 80 % answered within 20 s, occupancy at most 90 %, shrinkage 30 %.
The same staffing from a file: wfm staff --input DIR/sample-week.csv --service-level 0.8
  --answer-seconds 20 --max-occupancy 0.9 --shrinkage 0.3`,
    )
    .action((opts: DemoOptions) => runDemo(opts));
}

/** Staffs the sample week (exported for tests and for a later, fuller demo). */
export function staffSampleWeek(seed?: number): StaffingResponse {
  const week = generateSampleWeek(seed === undefined ? {} : { seed });
  return staffRequest(parseStaffingRequest({ ...DEMO_QUEUE, intervalMinutes: week.intervalMinutes, timeZone: week.timeZone, intervals: week.intervals }));
}

function runDemo(opts: DemoOptions): void {
  const seed = numberFlag(opts.seed, '--seed');
  const week = generateSampleWeek(seed === undefined ? {} : { seed });
  const response = staffSampleWeek(seed);
  const lines = [
    `Sample week ${week.intervals[0]?.start.slice(0, 10)} (${week.timeZone}), ${week.intervalMinutes}-minute intervals, ` +
      `Erlang C, target 80 % in 20 s, occupancy <= 90 %, shrinkage 30 %`,
    '',
    'day         contacts  peak agents  agent-hours  headcount-hours  service level  occupancy',
  ];
  const days = new Map<string, StaffingResponse['intervals']>();
  for (const row of response.intervals) {
    const day = row.start?.slice(0, 10) ?? '';
    days.set(day, [...(days.get(day) ?? []), row]);
  }
  for (const [day, rows] of days) {
    const t = totalsOf(rows, response.intervalMinutes, queueParamsOf({ ...DEMO_QUEUE, target: { ...DEMO_QUEUE.target } }));
    const weekday = new Date(`${day}T12:00:00Z`).toUTCString().slice(0, 3);
    lines.push(
      `${weekday} ${day.slice(5)}  ${String(t.volume).padStart(8)}  ${String(t.peakAgents).padStart(11)}  ${t.agentHours.toFixed(1).padStart(11)}  ` +
        `${t.headcountHours.toFixed(1).padStart(15)}  ${pct(t.serviceLevel).padStart(13)}  ${pct(t.occupancy).padStart(9)}`,
    );
  }
  lines.push('', totalsLine(response.totals));
  if (opts.out) {
    writeOutputAtomic(join(opts.out, 'sample-week.csv'), toCsv(week.intervals.map((r) => ({ start: r.start, volume: r.volume, aht_seconds: r.ahtSeconds })), ['start', 'volume', 'aht_seconds']));
    writeOutputAtomic(join(opts.out, 'staffing.csv'), staffingCsv(response));
    lines.push(`wrote ${join(opts.out, 'sample-week.csv')} and ${join(opts.out, 'staffing.csv')}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

function pct(x: number | null): string {
  return x === null ? 'n/a' : `${(x * 100).toFixed(1)} %`;
}
