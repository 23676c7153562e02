/**
 * The listening entry of the HTTP service (`wfm serve`). Everything else is in `buildService`
 * (src/api/app.ts), which tests drive with `app.inject()` without a socket.
 */
import { buildService } from './service.js';
import type { ZodApp } from './api/context.js';
import { limitsFromEnv, type ApiLimits } from './api/options.js';
import { createPoolRunner } from './app/parallel/pool-runner.js';
import { openStore, type StoreTarget } from './store/index.js';
import { startJobWorker, type JobWorker } from './workers/job-worker.js';

export interface ServeOptions {
  /** Default 127.0.0.1: loopback only. Bind elsewhere only behind a key and a proxy. */
  host?: string;
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** Default: the `WFM_API_KEY` environment variable. */
  apiKey?: string;
  /** Over the `WFM_*` environment limits, which are over the defaults. */
  limits?: Partial<ApiLimits>;
  /** pino level: 'info' (default), 'warn', 'error', 'silent', ... */
  logLevel?: string;
  env?: Record<string, string | undefined>;
  /**
   * The planning store to open (PGlite folder or server URL): adds the store routes and runs the
   * store's jobs in-process on the same worker-thread pool (docs/store.md, "Jobs").
   */
  store?: StoreTarget | undefined;
  /** With a store: run its jobs in this process too (default true; false leaves them to `wfm worker`). */
  worker?: boolean;
}

/**
 * Builds the app and listens. Resolves with the app and the address it listens on, once it
 * accepts connections. SIGINT/SIGTERM close it gracefully (in-flight requests finish, running
 * jobs are aborted, the pool stops).
 */
export async function startServer(options: ServeOptions = {}): Promise<{ app: ZodApp; address: string }> {
  const env = options.env ?? process.env;
  const apiKey = options.apiKey ?? env.WFM_API_KEY;
  const store = options.store ? await openStore(options.store) : undefined;
  // With a store the API and the job loop share one pool, closed here; without one the app owns its own.
  const runner = store ? createPoolRunner() : undefined;
  let worker: JobWorker | undefined;
  const app = await buildService({
    ...(store && runner ? { store, runner } : {}),
    apiKey: apiKey === '' ? undefined : apiKey,
    limits: { ...limitsFromEnv(env), ...options.limits },
    logger: {
      level: options.logLevel ?? 'info',
      // Never log bodies or credentials: only the method, URL and addresses of each request.
      redact: ['req.headers.authorization'],
    },
    plugins: [
      (instance) =>
        instance.addHook('onClose', async () => {
          await worker?.stop(); // finishes the jobs in hand; nothing is released half-done
          await runner?.close();
          await store?.close();
        }),
    ],
  });
  if (store && runner && options.worker !== false) {
    worker = startJobWorker({ store, runner, onError: (err) => app.log.error({ err }, 'job worker') });
  }
  const address = await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 8080 });
  const stop = (signal: string): void => {
    app.log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  return { app, address };
}
