/**
 * The job loop (docs/store.md, "Jobs"): claims jobs from the store's job table (`runOneJob`), runs
 * each on the worker-thread pool so the event loop stays free for the lease heartbeat, and writes
 * the result once. `wfm worker` runs it against a server (`DATABASE_URL`) on any machine; `wfm
 * serve` runs it in-process beside the API on the embedded store. A worker that dies mid-job leaves
 * it to another after the lease (retried once); `stop()` claims nothing more and waits for the jobs
 * in hand to finish, so SIGTERM never loses or repeats work.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { parseForecastRequest } from '../contracts/forecast.js';
import { parseRosterRequest } from '../contracts/roster.js';
import { parseShiftPlanRequest } from '../contracts/shift-plan-request.js';
import { parseSimulationRequest } from '../contracts/simulation.js';
import { runSimulation } from '../app/simulation.js';
import { runNamed, type TaskRunner } from '../app/parallel/runner.js';
import { runOneJob, type Job, type JobHandler, type Store } from '../store/index.js';

export interface JobWorkerOptions {
  store: Store;
  /** Where the solver runs: the piscina pool (`createPoolRunner`) in production. */
  runner: Pick<TaskRunner, 'run' | 'threads'>;
  /** Default `<host>:<pid>:<random>`. */
  workerId?: string;
  /** Jobs in hand at once; default the runner's threads. */
  concurrency?: number;
  /** Default 60 s; heartbeats every third of it. */
  leaseSeconds?: number;
  heartbeatMs?: number;
  /** Wait between polls when no job is claimable, ms. Default 1000. */
  pollMs?: number;
  /** Handlers by job kind (default: `defaultJobHandlers(runner)`). */
  handlers?: Partial<Record<Job['kind'], JobHandler>>;
  /** Called with each job as it ended (done, failed, cancelled, or lost to another worker). */
  onJob?: (job: Job) => void;
  onError?: (error: unknown) => void;
}

export interface JobWorker {
  readonly workerId: string;
  /** Claims nothing more, waits for the jobs in hand, resolves when the loop has ended. */
  stop(): Promise<void>;
}

/**
 * The kinds this engine runs from the store, each payload the body of the matching route: `roster`
 * a `POST /v1/rosters` body, `plan` a `POST /v1/shift-plans` body, `forecast` a `POST /v1/forecast`
 * body, `simulation` a `POST /v1/simulations` body (its replications split over the runner's threads).
 */
export function defaultJobHandlers(
  runner: Pick<TaskRunner, 'run' | 'threads'>,
): Partial<Record<Job['kind'], JobHandler>> {
  return {
    roster: (job, signal) => runNamed(runner, 'roster.solve', parseRosterRequest(job.payload), signal),
    plan: (job, signal) => runNamed(runner, 'shift-plan.solve', parseShiftPlanRequest(job.payload), signal),
    forecast: (job, signal) => runNamed(runner, 'forecast.request', parseForecastRequest(job.payload), signal),
    simulation: (job, signal) => runSimulation(runner, parseSimulationRequest(job.payload), { signal }),
  };
}

export function startJobWorker(options: JobWorkerOptions): JobWorker {
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const handlers = options.handlers ?? defaultJobHandlers(options.runner);
  const slots = Math.max(1, options.concurrency ?? options.runner.threads);
  const pollMs = options.pollMs ?? 1000;
  let stopping = false;
  const sleepers = new Set<() => void>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      sleepers.add(done);
    });
  const slot = async (): Promise<void> => {
    while (!stopping) {
      let job: Job | null = null;
      try {
        job = await runOneJob(options.store, {
          workerId,
          handlers,
          ...(options.leaseSeconds !== undefined ? { leaseSeconds: options.leaseSeconds } : {}),
          ...(options.heartbeatMs !== undefined ? { heartbeatMs: options.heartbeatMs } : {}),
        });
      } catch (error) {
        options.onError?.(error);
      }
      if (job) options.onJob?.(job);
      else if (!stopping) await sleep(pollMs);
    }
  };
  const loops = Promise.all(Array.from({ length: slots }, slot));
  return {
    workerId,
    async stop() {
      stopping = true;
      for (const done of [...sleepers]) done();
      await loops;
    },
  };
}
