import { randomUUID } from 'node:crypto';
import { WfmError, type WfmErrorCode, type WfmIssue } from '../errors.js';
import type { ApiLimits } from './options.js';
import { toWfmError } from './error-handler.js';
import type { TaskRunner } from '../app/parallel/runner.js';

/**
 * Work that spans several pool tasks (a simulation's batches of replications): called on the main
 * thread with the runner, the payload and the job's signal, which it passes on to every task.
 */
export type JobWork = (runner: TaskRunner, payload: unknown, signal: AbortSignal) => Promise<unknown>;

/**
 * A job result kept as the JSON bytes its worker wrote (a plan, a roster): stored and served as
 * they are, so the event loop never holds the result as objects on its heap nor writes it again.
 */
export class JsonBytes {
  constructor(readonly bytes: Uint8Array) {}
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** What `GET /v1/jobs/:id` returns. Times are ISO 8601 UTC; `result` only once succeeded. */
export interface JobView {
  id: string;
  kind: string;
  status: JobStatus;
  /**
   * 0 while queued, 1 when finished. While running: the elapsed fraction of the job's time budget
   * (its solver time limit), at most 0.99, when it has one (`progressBasis: 'time-budget'`); else null.
   */
  progress: number | null;
  progressBasis: 'time-budget' | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Milliseconds between start and finish (or now, while running). */
  elapsedMs: number | null;
  result?: unknown;
  error?: { code: WfmErrorCode; message: string; issues: WfmIssue[] };
}

interface Job {
  id: string;
  kind: string;
  handler: string | JobWork;
  payload: unknown;
  status: JobStatus;
  progress: number | null;
  createdMs: number;
  startedMs: number | null;
  finishedMs: number | null;
  result?: unknown;
  error?: WfmError;
  controller: AbortController;
  timer?: ReturnType<typeof setTimeout>;
  budgetMs: number | undefined;
}

export interface JobManagerOptions {
  runner: TaskRunner;
  limits: Pick<ApiLimits, 'jobTimeLimitMs' | 'maxQueuedJobs' | 'maxRunningJobs' | 'jobRetentionMs' | 'maxKeptJobs'>;
  /** Clock, epoch ms (a parameter so that tests are deterministic). */
  now?: () => number;
  /** Called when a job fails with an unexpected (non-WfmError) error, for the log. */
  onUnexpectedError?: (error: unknown, jobId: string) => void;
}

/**
 * Long work (shift plans, rosters) as jobs: `submit` answers at once with a job id, the job waits
 * in a bounded FIFO queue, runs on the task runner (the worker pool) under a time limit, and its
 * result is kept for `jobRetentionMs`. Cancelling or timing out aborts the task's AbortSignal, which
 * makes the pool end the thread running it, so the worker is freed.
 */
export class JobManager {
  readonly #jobs = new Map<string, Job>();
  readonly #queue: Job[] = [];
  #running = 0;
  /** Places held by requests whose body is being checked (they count against the queue). */
  #reserved = 0;
  #closed = false;
  readonly #runner: TaskRunner;
  readonly #limits: JobManagerOptions['limits'];
  readonly #now: () => number;
  readonly #onUnexpectedError: (error: unknown, jobId: string) => void;

  constructor(options: JobManagerOptions) {
    this.#runner = options.runner;
    this.#limits = options.limits;
    this.#now = options.now ?? Date.now;
    this.#onUnexpectedError = options.onUnexpectedError ?? (() => {});
  }

  /**
   * Queues a job running worker handler `handler` (or a `JobWork` of several tasks) on `payload`
   * (already validated). Throws `WFM_ERR_API_QUEUE_FULL` (429) when `maxQueuedJobs` jobs are already waiting.
   */
  submit(
    kind: string,
    handler: string | JobWork,
    payload: unknown,
    options: { budgetMs?: number | undefined } = {},
  ): JobView {
    this.assertRoom();
    this.#prune();
    const job: Job = {
      id: randomUUID(),
      kind,
      handler,
      payload,
      status: 'queued',
      progress: 0,
      createdMs: this.#now(),
      startedMs: null,
      finishedMs: null,
      controller: new AbortController(),
      budgetMs: options.budgetMs !== undefined && options.budgetMs > 0 ? options.budgetMs : undefined,
    };
    this.#jobs.set(job.id, job);
    this.#queue.push(job);
    this.#pump();
    return this.#view(job);
  }

  /**
   * Throws `WFM_ERR_API_QUEUE_FULL` (429) when a job submitted now would be refused: the routes ask
   * before reading the body, so that a flood while the queue is full costs no parsing or validation.
   */
  assertRoom(): void {
    if (this.#closed)
      throw new WfmError('WFM_ERR_API_QUEUE_FULL', 'The service is shutting down; no new jobs are accepted.');
    if (this.#queue.length + this.#reserved >= this.#limits.maxQueuedJobs) {
      throw new WfmError(
        'WFM_ERR_API_QUEUE_FULL',
        `The job queue is full (${this.#limits.maxQueuedJobs} jobs waiting); try again later.`,
        { issues: [{ path: [], message: `at most ${this.#limits.maxQueuedJobs} queued jobs` }] },
      );
    }
  }

  /**
   * Holds a place in the queue while a body is checked (429 when none is left); the returned
   * function gives it back, once, before `submit` or when the request ends.
   */
  reserve(): () => void {
    this.assertRoom();
    this.#reserved++;
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.#reserved--;
    };
  }

  /** The job's current view, or undefined when unknown (never existed, or forgotten). */
  get(id: string): JobView | undefined {
    this.#prune();
    const job = this.#jobs.get(id);
    return job ? this.#view(job) : undefined;
  }

  /**
   * Cancels a queued or running job (a running one is aborted and its thread freed). A job that
   * has already finished is forgotten. Returns the job's final view, or undefined when unknown.
   */
  cancel(id: string): JobView | undefined {
    const job = this.#jobs.get(id);
    if (!job) return undefined;
    if (job.status === 'queued') {
      const at = this.#queue.indexOf(job);
      if (at >= 0) this.#queue.splice(at, 1);
      this.#finish(
        job,
        'cancelled',
        undefined,
        new WfmError('WFM_ERR_JOB_CANCELLED', 'The job was cancelled before it started.'),
      );
    } else if (job.status === 'running') {
      job.controller.abort(new WfmError('WFM_ERR_JOB_CANCELLED', 'The job was cancelled while running.'));
    } else {
      this.#jobs.delete(id);
    }
    return this.#view(job);
  }

  /** Counts for `/healthz`. */
  stats(): { queued: number; running: number; kept: number } {
    return { queued: this.#queue.length, running: this.#running, kept: this.#jobs.size };
  }

  /** Refuses new jobs, cancels waiting ones and aborts running ones. */
  close(): void {
    this.#closed = true;
    for (const job of [...this.#queue]) this.cancel(job.id);
    for (const job of this.#jobs.values()) {
      if (job.status === 'running')
        job.controller.abort(new WfmError('WFM_ERR_JOB_CANCELLED', 'The service is shutting down.'));
    }
  }

  #pump(): void {
    while (this.#running < this.#limits.maxRunningJobs && this.#queue.length > 0) {
      const job = this.#queue.shift() as Job;
      this.#start(job);
    }
  }

  #start(job: Job): void {
    this.#running++;
    job.status = 'running';
    job.progress = null;
    job.startedMs = this.#now();
    const limitMs = this.#limits.jobTimeLimitMs;
    job.timer = setTimeout(() => {
      job.controller.abort(
        new WfmError('WFM_ERR_JOB_TIMEOUT', `The job ran past its time limit of ${limitMs} ms and was stopped.`),
      );
    }, limitMs);
    job.timer.unref?.();
    const signal = job.controller.signal;
    const work =
      typeof job.handler === 'function'
        ? job.handler(this.#runner, job.payload, signal)
        : this.#runner.run(job.handler, job.payload, signal);
    work.then(
      (result) => this.#settle(job, 'succeeded', result, undefined),
      (error: unknown) => {
        if (signal.aborted) {
          const reason = toWfmError(signal.reason);
          this.#settle(job, reason.code === 'WFM_ERR_JOB_CANCELLED' ? 'cancelled' : 'failed', undefined, reason);
          return;
        }
        const wfm = toWfmError(error);
        if (wfm.code === 'WFM_ERR_INTERNAL') this.#onUnexpectedError(error, job.id);
        this.#settle(job, 'failed', undefined, wfm);
      },
    );
  }

  #settle(job: Job, status: JobStatus, result: unknown, error: WfmError | undefined): void {
    this.#running--;
    if (job.timer) clearTimeout(job.timer);
    this.#finish(job, status, result, error);
    this.#pump();
  }

  #finish(job: Job, status: JobStatus, result: unknown, error: WfmError | undefined): void {
    job.status = status;
    job.progress = 1;
    job.finishedMs = this.#now();
    job.payload = undefined;
    if (status === 'succeeded') job.result = result;
    if (error) job.error = error;
  }

  /** Forgets finished jobs past their retention, and the oldest beyond `maxKeptJobs`. */
  #prune(): void {
    const now = this.#now();
    const finished: Job[] = [];
    for (const job of this.#jobs.values()) {
      if (job.finishedMs === null) continue;
      if (now - job.finishedMs > this.#limits.jobRetentionMs) this.#jobs.delete(job.id);
      else finished.push(job);
    }
    const excess = finished.length - this.#limits.maxKeptJobs;
    if (excess > 0) {
      finished.sort((a, b) => (a.finishedMs as number) - (b.finishedMs as number));
      for (const job of finished.slice(0, excess)) this.#jobs.delete(job.id);
    }
  }

  #view(job: Job): JobView {
    const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
    const end = job.finishedMs ?? (job.startedMs === null ? null : this.#now());
    let progress = job.progress;
    if (job.status === 'running' && job.budgetMs !== undefined && job.startedMs !== null) {
      progress = Math.min(0.99, (this.#now() - job.startedMs) / job.budgetMs);
    }
    const view: JobView = {
      id: job.id,
      kind: job.kind,
      status: job.status,
      progress,
      progressBasis: job.budgetMs === undefined ? null : 'time-budget',
      createdAt: iso(job.createdMs) as string,
      startedAt: iso(job.startedMs),
      finishedAt: iso(job.finishedMs),
      elapsedMs: job.startedMs === null || end === null ? null : end - job.startedMs,
    };
    if (job.status === 'succeeded') view.result = job.result;
    if (job.error) view.error = job.error.toJSON();
    return view;
  }
}
