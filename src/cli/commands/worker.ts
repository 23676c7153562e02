import type { Command } from 'commander';
import { WfmError } from '../../errors.js';
import { numberFlag } from '../../io/files.js';
import { storeTarget } from './db.js';

interface WorkerOptions {
  data?: string;
  threads?: string;
  leaseSeconds?: string;
  pollMs?: string;
}

/**
 * `wfm worker`: takes jobs from the store's job table (DATABASE_URL, or --data for a PGlite folder
 * no other process has open) and runs them on the worker-thread pool until SIGTERM/SIGINT, which
 * stops claiming, lets the jobs in hand finish and exits 0.
 */
export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description(
      'Run store jobs (rosters queued by POST /v1/centres/:centre/jobs) on this machine. Uses DATABASE_URL ' +
        '(a PostgreSQL server shared by every worker), or --data DIR (PGlite: one process only). SIGTERM ' +
        'finishes the jobs in hand, then exits.',
    )
    .option('--data <dir>', 'PGlite data folder (wins over DATABASE_URL)')
    .option('--threads <n>', 'jobs at once, each on a worker thread (default: the cores)')
    .option('--lease-seconds <s>', 'lease of a claimed job; heartbeats every third of it (default 60)')
    .option('--poll-ms <ms>', 'wait between polls of an empty queue (default 1000)')
    .action(async (opts: WorkerOptions) => {
      const threads = numberFlag(opts.threads, '--threads');
      const leaseSeconds = numberFlag(opts.leaseSeconds, '--lease-seconds');
      const pollMs = numberFlag(opts.pollMs, '--poll-ms');
      for (const [flag, v] of [
        ['--threads', threads],
        ['--lease-seconds', leaseSeconds],
        ['--poll-ms', pollMs],
      ] as const) {
        if (v !== undefined && !(Number.isInteger(v) && v >= 1)) {
          throw new WfmError('WFM_ERR_INPUT_INVALID', `${flag}: ${v} is not a whole number >= 1.`, {
            issues: [{ path: [flag], message: 'a whole number >= 1' }],
          });
        }
      }
      if (opts.data === undefined && !process.env.DATABASE_URL) {
        throw new WfmError('WFM_ERR_INPUT_INVALID', 'wfm worker needs DATABASE_URL or --data DIR.', {
          issues: [{ path: ['DATABASE_URL'], message: 'not set' }],
        });
      }
      const { openStore } = await import('../../store/open-store.js');
      const { createPoolRunner } = await import('../../app/parallel/pool-runner.js');
      const { startJobWorker } = await import('../../workers/job-worker.js');
      const store = await openStore(storeTarget(opts));
      const { SERVICE_THREAD_NICENESS } = await import('../../app/parallel/thread-priority.js');
      // Solvers below the job loop, so that its lease heartbeats are never late.
      const runner = createPoolRunner({
        threadNiceness: SERVICE_THREAD_NICENESS,
        ...(threads !== undefined ? { maxThreads: threads } : {}),
      });
      const worker = startJobWorker({
        store,
        runner,
        ...(leaseSeconds !== undefined ? { leaseSeconds } : {}),
        ...(pollMs !== undefined ? { pollMs } : {}),
        onJob: (job) =>
          process.stdout.write(
            `${new Date().toISOString()} job ${job.id} ${job.kind} ${job.status} (attempt ${job.attempts})\n`,
          ),
        onError: (error) =>
          process.stderr.write(`job worker: ${error instanceof Error ? error.message : String(error)}\n`),
      });
      process.stdout.write(`worker ${worker.workerId} started (${runner.threads} threads)\n`);
      await new Promise<void>((resolve) => {
        process.once('SIGTERM', resolve);
        process.once('SIGINT', resolve);
      });
      process.stdout.write(`worker ${worker.workerId} stopping: finishing the jobs in hand\n`);
      await worker.stop();
      await runner.close();
      await store.close();
      process.stdout.write(`worker ${worker.workerId} stopped\n`);
    });
}
