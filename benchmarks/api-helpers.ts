/** Shared by the API benchmarks: the service in a child process, and the benchmark week. */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { WEEK_INTERVALS, weekShape } from './lib/week-loads.js';

const SERVER_JS = fileURLToPath(new URL('../dist/server.js', import.meta.url));

/** A garbage collection on the service's event loop (its main isolate), from `perf_hooks`. */
export interface GcEvent {
  /** `major` (mark-compact), `minor` (scavenge), `incremental` (marking step), `weakcb`. */
  kind: string;
  /** Start, epoch ms. */
  atMs: number;
  /** The pause, ms. */
  durationMs: number;
}

// In the service's process: every GC of its main isolate as one `GC <kind> <epoch ms> <ms>` line.
const GC_OBSERVER = `const { PerformanceObserver, constants: c, performance } = await import('node:perf_hooks');
const kinds = { [c.NODE_PERFORMANCE_GC_MAJOR]: 'major', [c.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [c.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental', [c.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb' };
new PerformanceObserver((list) => { let out = ''; for (const e of list.getEntries())
  out += 'GC ' + (kinds[e.detail.kind] ?? e.detail.kind) + ' ' + (performance.timeOrigin + e.startTime).toFixed(1) + ' ' + e.duration.toFixed(2) + '\\n';
  process.stdout.write(out); }).observe({ entryTypes: ['gc'] });`;

/**
 * The node flags `wfm serve` runs the service with (the shebang of bin/wfm.js): the benchmarks
 * measure the service as it is deployed.
 */
export const SERVICE_NODE_FLAGS = ['--initial-old-space-size=128'];

/**
 * Starts the service in a child process on a free loopback port; resolves with its URL. With
 * `observeGc`, `gc` fills with the garbage collections of the service's event loop as they happen
 * (a load-independent view of its pauses: their count and length do not depend on other work on
 * the machine, unlike wall-clock latency).
 */
export async function startServerProcess(
  env: Record<string, string> = {},
  options: { observeGc?: boolean; nodeFlags?: string[] } = {},
): Promise<{ url: string; child: ChildProcess; gc: GcEvent[]; output: { atMs: number; line: string }[] }> {
  const start = `import(${JSON.stringify(SERVER_JS)}).then((m) => m.startServer({ host: '127.0.0.1', port: 0, logLevel: 'silent' })).then(({ address }) => console.log('LISTENING ' + address));`;
  const code = options.observeGc ? `${GC_OBSERVER}\n${start}` : start;
  const flags = [...SERVICE_NODE_FLAGS, ...(options.nodeFlags ?? [])];
  const child = spawn(process.execPath, [...flags, '--input-type=module', '-e', code], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const gc: GcEvent[] = [];
  const output: { atMs: number; line: string }[] = [];
  let out = '';
  child.stdout?.setEncoding('utf8');
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: string) => {
      out += chunk;
      const lines = out.split('\n');
      out = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^GC (\S+) (\S+) (\S+)$/.exec(line);
        if (m) gc.push({ kind: m[1] as string, atMs: Number(m[2]), durationMs: Number(m[3]) });
        else output.push({ atMs: Date.now(), line });
        const listening = /LISTENING (\S+)/.exec(line);
        if (listening?.[1]) resolve(listening[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited early (${code})`)));
  });
  return { url, child, gc, output };
}

/** Counts and pauses of the GCs in `[fromMs, toMs)` (epoch ms), by kind. */
export function gcSummary(
  events: readonly GcEvent[],
  fromMs: number,
  toMs: number,
): Record<string, { count: number; totalMs: number; maxMs: number }> {
  const out: Record<string, { count: number; totalMs: number; maxMs: number }> = {};
  for (const e of events) {
    if (e.atMs < fromMs || e.atMs >= toMs) continue;
    const s = (out[e.kind] ??= { count: 0, totalMs: 0, maxMs: 0 });
    s.count++;
    s.totalMs = Math.round((s.totalMs + e.durationMs) * 100) / 100;
    s.maxMs = Math.max(s.maxMs, e.durationMs);
  }
  return out;
}

export async function stopServerProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

/** A week of 15-minute intervals peaking at 320 calls (about 85 Erlangs at 240 s). */
export function weekBody(): unknown {
  const start = Date.UTC(2026, 5, 1);
  return {
    intervalMinutes: 15,
    target: { serviceLevel: 0.8, answerSeconds: 20 },
    shrinkage: 0.3,
    intervals: Array.from({ length: WEEK_INTERVALS }, (_, i) => ({
      start: new Date(start + i * 900_000).toISOString(),
      volume: Math.round(320 * weekShape(i)),
      ahtSeconds: 240,
    })),
  };
}
