/**
 * Every file a CLI command writes is the same, byte for byte, on two runs of the same command with
 * the same input: the plan folder, the roster folder, the shift plan and its coverage CSV, the
 * forecast and the staffing. The searches are bounded by what does not depend on the clock (the
 * roster by its move budget, the MIP by finishing optimal well inside its time limit).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoCentre } from '../../src/app/samples/demo-centre.js';
import { runCli } from '../staffing/cli-harness.js';

const demo = buildDemoCentre({ agents: 12, historyWeeks: 6, shiftPlanSeconds: 300, rosterSeconds: 600 });
const ITERATIONS = '20000';

let dir: string;
const at = (name: string): string => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wfm-cli-determinism-'));
  writeFileSync(at('plan.json'), JSON.stringify({ ...demo, roster: { ...demo.roster, maxIterations: 20_000 } }));
  const rows = demo.history.map((h) => `${h.start},${h.volume},${h.ahtSeconds}`);
  writeFileSync(at('history.csv'), `start,volume,aht_seconds\n${rows.join('\n')}\n`);
  writeFileSync(at('shift-rules.json'), JSON.stringify(demo.shiftPlan));
  writeFileSync(at('agents.json'), JSON.stringify(demo.agents));
  writeFileSync(at('roster-rules.json'), JSON.stringify(demo.roster.rules));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every file under `path` (itself when a file), relative path -> bytes. */
function filesOf(path: string): Map<string, Buffer> {
  if (!statSync(path).isDirectory()) return new Map([['', readFileSync(path)]]);
  const out = new Map<string, Buffer>();
  for (const name of readdirSync(path, { recursive: true }) as string[]) {
    const full = join(path, name);
    if (statSync(full).isFile()) out.set(relative(path, full), readFileSync(full));
  }
  return out;
}

/** Runs the command twice, `{n}` in its arguments replaced by 1 and 2; returns the outputs' paths. */
async function twice(args: string[], outputs: string[]): Promise<[string, string][]> {
  for (const n of ['1', '2']) {
    const r = await runCli(...args.map((a) => a.replaceAll('{n}', n)));
    // 0 (met) or 3 (falls short): either way the files are written; bad input would be 2.
    expect([0, 3], `${args.join(' ')}: ${r.stderr}`).toContain(r.code);
  }
  return outputs.map((o) => [at(o.replaceAll('{n}', '1')), at(o.replaceAll('{n}', '2'))]);
}

function expectSameBytes(pairs: [string, string][]): void {
  for (const [a, b] of pairs) {
    const first = filesOf(a);
    const second = filesOf(b);
    expect([...second.keys()].sort(), a).toEqual([...first.keys()].sort());
    for (const [name, bytes] of first) expect(second.get(name)?.equals(bytes), `${a} ${name}`).toBe(true);
  }
}

describe('two identical CLI runs write identical files', () => {
  const zone = ['--time-zone', demo.forecast.timeZone];

  it('wfm plan: the whole folder', async () => {
    expectSameBytes(await twice(['plan', '--config', at('plan.json'), '--out', at('plan-{n}')], ['plan-{n}']));
  }, 300_000);

  it('wfm forecast (CSV and JSON), wfm staff (CSV and JSON)', async () => {
    const start = ['--start', String(demo.forecast.start)];
    const forecast = ['forecast', '--history', at('history.csv'), ...zone, ...start];
    expectSameBytes(await twice([...forecast, '--out', at('forecast-{n}.csv')], ['forecast-{n}.csv']));
    expectSameBytes(await twice([...forecast, '--format', 'json', '--out', at('fc-{n}.json')], ['fc-{n}.json']));
    const staff = ['staff', '--input', at('forecast-1.csv'), '--service-level', '0.8', '--answer-seconds', '20'];
    expectSameBytes(await twice([...staff, '--out', at('staff-{n}.csv')], ['staff-{n}.csv']));
    expectSameBytes(await twice([...staff, '--format', 'json', '--out', at('staff-{n}.json')], ['staff-{n}.json']));
  }, 300_000);

  it('wfm shift-plan (JSON and coverage CSV), then wfm roster (folder)', async () => {
    const staffing = at('plan-1/staffing.csv');
    const plan = ['shift-plan', '--requirements', staffing, '--rules', at('shift-rules.json'), ...zone];
    const limits = ['--time-limit', '300'];
    const outs = ['--out', at('shift-plan-{n}.json'), '--coverage-csv', at('coverage-{n}.csv')];
    expectSameBytes(await twice([...plan, ...limits, ...outs], ['shift-plan-{n}.json', 'coverage-{n}.csv']));
    const roster = ['roster', '--plan', at('shift-plan-1.json'), '--agents', at('agents.json')];
    const rosterFlags = ['--rules', at('roster-rules.json'), '--iterations', ITERATIONS, '--time-limit', '600'];
    expectSameBytes(await twice([...roster, ...rosterFlags, '--out', at('roster-{n}')], ['roster-{n}']));
  }, 300_000);
});
