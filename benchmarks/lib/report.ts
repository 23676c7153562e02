import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync, renameSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const RESULTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'results');

/** The shared folder beside the project (tests and benchmarks skip, saying so, when absent). */
export const SHARED_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared');

function commit(): string {
  try {
    return execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return 'unknown';
  }
}

export interface BenchResult {
  /** e.g. "erlang-c-solve-throughput". */
  name: string;
  /** What was measured, in one line. */
  description: string;
  /** Problem size (intervals, queues, agents...). */
  size: Record<string, number | string>;
  /** Headline figures: times in ms, rates per second, quality ratios. */
  metrics: Record<string, number | string | boolean | null>;
  /** Targets from the issue, and whether each was met. */
  targets?: Record<string, { target: string; met: boolean }>;
  /** Anything else worth keeping (per-instance tables...). */
  details?: unknown;
}

/** Writes `benchmarks/results/<name>.json` with the commit, Node version and machine. */
export function writeResult(result: BenchResult): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${result.name}.json`);
  const payload = {
    ...result,
    commit: commit(),
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    measuredAt: new Date().toISOString(),
  };
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(payload, null, 2)}\n`);
  renameSync(tmp, file);
  console.log(`${result.name}: ${JSON.stringify(result.metrics)}`);
  if (result.targets) {
    for (const [key, t] of Object.entries(result.targets))
      console.log(`  ${t.met ? 'MET ' : 'MISS'} ${key}: ${t.target}`);
  }
  return file;
}

/** High-resolution wall time in milliseconds. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
