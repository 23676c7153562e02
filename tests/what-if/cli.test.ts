import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'wfm-what-if-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 50 calls per 30 minutes at 180 s; doubled, 10 Erlangs: 14 agents at 80/20 (../shared/reference/erlang-cases.json C01). */
const request = {
  queues: [
    {
      name: 'sales',
      request: {
        intervalMinutes: 30,
        shrinkage: 0.3,
        intervals: [
          { start: '2026-06-01T08:00:00Z', volume: 50, ahtSeconds: 180 },
          { start: '2026-06-01T08:30:00Z', volume: 50, ahtSeconds: 180 },
        ],
      },
    },
  ],
  sweep: { volumeFactor: [1, 2] },
};

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('wfm what-if', () => {
  it('writes the same JSON as POST /v1/what-if', async () => {
    const out = join(dir, 'out.json');
    expect(
      await main(['node', 'wfm', 'what-if', '--input', file('in.json', request), '--threads', '1', '--out', out]),
    ).toBe(0);
    const result = JSON.parse(readFileSync(out, 'utf8')) as { scenarios: { queues: { headcount: number[] }[] }[] };
    // ceil(14 / 0.7) = 20 heads (computed by hand from C01).
    expect(result.scenarios[1]?.queues[0]?.headcount).toEqual([20, 20]);
  });

  it('writes one CSV row per scenario and queue', async () => {
    const out = join(dir, 'out.csv');
    expect(
      await main(['node', 'wfm', 'what-if', '--input', file('in2.json', request), '--format', 'csv', '--out', out]),
    ).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('agent_hours');
    // 14 agents x 2 half-hours = 14 agent-hours (computed by hand).
    expect(lines[2]).toContain(',14,');
  });

  it('exits 2 naming the field, and writes nothing, on bad input', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const out = join(dir, 'never.json');
    const bad = { ...request, queues: [{ ...request.queues[0], rosterHeadcount: [1, 2, 3] }] };
    expect(await main(['node', 'wfm', 'what-if', '--input', file('bad.json', bad), '--out', out])).toBe(2);
    expect(await main(['node', 'wfm', 'what-if', '--input', file('bad2.json', '{ nope'), '--out', out])).toBe(2);
    expect(
      await main(['node', 'wfm', 'what-if', '--input', file('ok.json', request), '--threads', '0', '--out', out]),
    ).toBe(2);
    const written = stderr.mock.calls.map((c) => String(c[0])).join('');
    stderr.mockRestore();
    expect(written).toContain('queues[0].rosterHeadcount');
    expect(existsSync(out)).toBe(false);
  });
});
