/**
 * The service's pool threads run below its event loop (src/app/parallel/thread-priority.ts): on
 * Linux each pool thread of the service has nice 10 while the thread answering requests keeps its
 * own, and a pool made without `threadNiceness` (the CLI's) keeps the caller's priority. Read from
 * `/proc/self/task/<tid>/stat` (field 19, nice). Needs `npm run build` (workers load dist/).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildService } from '../../src/service.js';
import { createPoolRunner } from '../../src/app/parallel/pool-runner.js';
import { SERVICE_THREAD_NICENESS } from '../../src/app/parallel/thread-priority.js';

const built = existsSync(new URL('../../dist/app/parallel/worker.js', import.meta.url));
const linux = process.platform === 'linux';
if (!built) console.warn('tests/api/thread-priority.test.ts: skipped, dist/ is missing (run `npm run build`).');
if (!linux) console.warn('tests/api/thread-priority.test.ts: skipped, thread priorities are read from Linux /proc.');

function niceOf(stat: string): number {
  // Fields after "pid (comm) ": state is field 3, nice is field 19.
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}

/** Nice value per thread of this process. */
function threadNices(): Map<number, number> {
  const out = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      out.set(Number(tid), niceOf(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')));
    } catch {
      // the thread ended while listed
    }
  }
  return out;
}

const thisThreadNice = () => niceOf(readFileSync('/proc/thread-self/stat', 'utf8'));

const week = Array.from({ length: 96 }, (_, i) => ({
  start: new Date(Date.UTC(2026, 5, 1) + i * 900_000).toISOString(),
  volume: 40,
  ahtSeconds: 240,
}));
const whatIf = {
  queues: [{ name: 'main', request: { intervalMinutes: 15, intervals: week }, rosterHeadcount: week.map(() => 20) }],
  sweep: { volumeFactor: [0.9, 1.1] },
};

describe.skipIf(!built || !linux)('thread priorities', () => {
  it('runs the service pool threads at nice 10, below the thread that answers requests', async () => {
    const before = new Set(threadNices().keys());
    const own = thisThreadNice();
    const app = await buildService();
    try {
      const res = await app.inject({ method: 'POST', url: '/v1/what-if', payload: whatIf });
      expect(res.statusCode).toBe(200);
      const fresh = [...threadNices()].filter(([tid]) => !before.has(tid)).map(([, nice]) => nice);
      expect(fresh).toContain(SERVICE_THREAD_NICENESS);
      expect(SERVICE_THREAD_NICENESS).toBeGreaterThan(own);
      expect(thisThreadNice()).toBe(own);
    } finally {
      await app.close();
    }
  });

  it('leaves a pool made without threadNiceness at the caller priority', async () => {
    const own = thisThreadNice();
    const before = new Set(threadNices().keys());
    const runner = createPoolRunner({ maxThreads: 1 });
    // Any task boots a thread; its answer (here: no such handler) does not matter.
    await runner.run('no.such-task' as never, {} as never).catch(() => undefined);
    const fresh = [...threadNices()].filter(([tid]) => !before.has(tid)).map(([, nice]) => nice);
    await runner.close();
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every((nice) => nice === own)).toBe(true);
  });
});
