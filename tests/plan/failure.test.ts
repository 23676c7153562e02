/**
 * Atomic output: a failure in a late step, or while writing, leaves no output folder (and keeps
 * an existing one as it was); bad config fails before the long steps, naming the config field.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isWfmError, type WfmError } from '../../src/errors.js';
import { parsePlanConfig } from '../../src/contracts/plan-config.js';
import type { AgentInput } from '../../src/contracts/roster.js';
import { planInputFromConfig } from '../../src/io/plan-config.js';
import { runPlan, type PlanArtifacts, type PlanInput, type PlanProgress } from '../../src/app/whole-plan.js';
import { runPlanToFolder } from '../../src/cli/run-plan-to-folder.js';
import { writePlanFolder } from '../../src/io/plan-folder.js';
import { buildDemoCentre } from '../../src/app/samples/demo-centre.js';
import { loadSolver } from '../../src/scheduler/mip/highs.js';

const demo = buildDemoCentre({ agents: 30, historyWeeks: 6, shiftPlanSeconds: 1, rosterSeconds: 0.5 });
const input = (): PlanInput =>
  planInputFromConfig(parsePlanConfig({ ...demo, roster: { ...demo.roster, maxIterations: 50_000 } }), '.');

/** A progress stream (not a TTY) that throws once the roster step has finished: the report step fails. */
function failingAfterRoster(): { write: (text: string) => boolean; isTTY: false } {
  return {
    isTTY: false,
    write(text: string) {
      if (text.includes('4/5 roster')) throw new Error('injected failure after the roster step');
      return true;
    },
  };
}

let artifacts: PlanArtifacts;
beforeAll(async () => {
  artifacts = runPlan(input(), { highs: await loadSolver(), now: () => 0 });
});

describe('atomic output folder', () => {
  it('a failure after the roster step leaves no output folder and no temp folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wfm-plan-fail-'));
    const out = join(dir, 'out');
    await expect(runPlanToFolder(input(), out, { progress: failingAfterRoster() })).rejects.toThrow(/injected failure/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a failed run keeps an existing folder as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wfm-plan-keep-'));
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'marker.txt'), 'previous run');
    await expect(runPlanToFolder(input(), out, { progress: failingAfterRoster() })).rejects.toThrow();
    expect(readFileSync(join(out, 'marker.txt'), 'utf8')).toBe('previous run');
    expect(readdirSync(dir)).toEqual(['out']);
  });

  it('a failure while writing leaves no folder; a success replaces the old folder whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wfm-plan-write-'));
    const out = join(dir, 'out');
    expect(() =>
      writePlanFolder(out, artifacts, {
        beforeRename: () => {
          throw new Error('disk full');
        },
      }),
    ).toThrow(/cannot write/);
    expect(readdirSync(dir)).toEqual([]);
    mkdirSync(out);
    writeFileSync(join(out, 'stale.txt'), 'old');
    writePlanFolder(out, artifacts);
    expect(existsSync(join(out, 'stale.txt'))).toBe(false);
    expect(existsSync(join(out, 'report.html'))).toBe(true);
    expect(readdirSync(dir)).toEqual(['out']);
  });
});

describe('config errors fail fast and name the field', () => {
  const events: PlanProgress[] = [];
  const attempt = async (patch: (i: PlanInput) => PlanInput): Promise<WfmError> => {
    events.length = 0;
    try {
      runPlan(patch(input()), { highs: await loadSolver(), now: () => 0, onProgress: (e) => events.push(e) });
    } catch (error) {
      if (isWfmError(error)) return error;
      throw error;
    }
    throw new Error('expected a WfmError');
  };

  it('bad shift rules: WFM_ERR_SCHEDULER_RULES at shiftPlan.*, before the forecast starts', async () => {
    const error = await attempt((i) => ({ ...i, shiftRules: { ...(i.shiftRules as object), templates: [] } }));
    expect(error.code).toBe('WFM_ERR_SCHEDULER_RULES');
    expect(error.issues[0]?.path.slice(0, 2)).toEqual(['shiftPlan', 'templates']);
    expect(events).toEqual([]);
  });

  it('bad agents: named by index under agents, before the forecast starts', async () => {
    // A duplicate id (a shape error gives only "Invalid input" at the root: the agents schema is a union).
    const first = demo.agents[0] as AgentInput;
    const error = await attempt((i) => ({ ...i, agents: { json: [first, { ...first }] } }));
    expect(error.issues[0]?.path).toEqual(['agents', 1, 'id']);
    expect(events).toEqual([]);
  });

  it('bad staffing target: named under staffing', async () => {
    const error = await attempt((i) => ({
      ...i,
      staffing: { ...i.staffing, target: { serviceLevel: 1.5, answerSeconds: 20 } },
    }));
    expect(error.code).toBe('WFM_ERR_INPUT_INVALID');
    expect(error.issues[0]?.path.slice(0, 3)).toEqual(['staffing', 'target', 'serviceLevel']);
  });

  it('the config schema names unknown and missing fields', () => {
    try {
      parsePlanConfig({ history: [], shiftPlan: {}, agents: [], extra: 1 });
      throw new Error('expected a WfmError');
    } catch (error) {
      expect(isWfmError(error)).toBe(true);
      const paths = (error as WfmError).issues.map((i) => i.path.join('.'));
      expect(paths).toContain('history');
      expect(paths).toContain('agents');
      expect(paths.some((p) => p === '' || p.includes('extra'))).toBe(true);
    }
  });
});
