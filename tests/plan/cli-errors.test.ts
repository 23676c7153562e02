/** `wfm plan` on bad input: exit 2, the message names the config field or file, no output folder. */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

let dir: string;
let stderr: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wfm-plan-cli-'));
  stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation(
    (chunk: string | Uint8Array) => ((stderr += String(chunk)), true),
  );
});
afterEach(() => vi.restoreAllMocks());

async function plan(config: unknown, ...flags: string[]): Promise<number> {
  writeFileSync(join(dir, 'plan.json'), typeof config === 'string' ? config : JSON.stringify(config));
  return main(['node', 'wfm', 'plan', '--config', join(dir, 'plan.json'), '--out', join(dir, 'out'), ...flags]);
}

describe('wfm plan errors', () => {
  it('a config that is not JSON: exit 2, WFM_ERR_INPUT_JSON, no folder', async () => {
    expect(await plan('{ "history": ')).toBe(2);
    expect(stderr).toMatch(/WFM_ERR_INPUT_JSON/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('a missing history file: exit 2, names the file', async () => {
    expect(await plan({ history: 'nope.csv', shiftPlan: { templates: [] }, agents: [{}] })).toBe(2);
    expect(stderr).toMatch(/WFM_ERR_IO_READ/);
    expect(stderr).toMatch(/nope\.csv/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('bad fields: every one is named with its config path', async () => {
    expect(
      await plan({
        history: [{ start: '2026-06-01T08:00:00Z', volume: -1 }],
        shiftPlan: {},
        agents: [],
        limits: { rosterSeconds: 0 },
      }),
    ).toBe(2);
    expect(stderr).toMatch(/WFM_ERR_INPUT_INVALID/);
    expect(stderr).toMatch(/agents/);
    expect(stderr).toMatch(/limits\.rosterSeconds/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('a bad time-limit flag is named', async () => {
    expect(await plan({ history: 'h.csv', shiftPlan: {}, agents: [{}] }, '--roster-seconds', 'soon')).toBe(2);
    expect(stderr).toMatch(/--roster-seconds/);
  });
});
