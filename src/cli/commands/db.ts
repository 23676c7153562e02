import type { Command } from 'commander';
import type { Store, StoreTarget } from '../../store/open-store.js';
import { parseJsonText, writeOutputAtomic } from '../../io/files.js';
import { readInput } from '../../io/input-file.js';
import { csvReadOptions, strictOption } from '../csv-notes.js';

/** The embedded store's folder when neither --data nor DATABASE_URL says otherwise. */
export const DEFAULT_DATA_DIR = './wfm-data';

interface DbOptions {
  data?: string;
}

/**
 * Which store the command opens: `--data DIR` (PGlite) when given, else `DATABASE_URL` (a
 * PostgreSQL server) when set, else PGlite in ./wfm-data. An explicit --data wins so a centre can
 * be exported from the embedded store while DATABASE_URL points at the server it moves to.
 */
export function storeTarget(options: DbOptions, env: NodeJS.ProcessEnv = process.env): StoreTarget {
  if (options.data !== undefined) return { dataDir: options.data };
  if (env.DATABASE_URL) return { databaseUrl: env.DATABASE_URL };
  return { dataDir: DEFAULT_DATA_DIR };
}

function describeTarget(target: StoreTarget): string {
  if ('dataDir' in target) return `PGlite in ${target.dataDir}`;
  const url = new URL(target.databaseUrl);
  return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
}

async function withStore<T>(command: Command, run: (store: Store, target: StoreTarget) => Promise<T>): Promise<T> {
  const target = storeTarget(command.optsWithGlobals<DbOptions>());
  // Loaded on use: other commands never pay for PGlite, pg and kysely.
  const { openStore } = await import('../../store/open-store.js');
  const store = await openStore(target);
  try {
    return await run(store, target);
  } finally {
    await store.close();
  }
}

/**
 * `wfm db migrate | export --out FILE | import --file FILE | queue | history` on the planning store
 * (docs/store.md).
 */
export function registerDb(program: Command): void {
  const db = program
    .command('db')
    .description(
      `The planning store: PGlite (embedded PostgreSQL) in --data DIR (default ${DEFAULT_DATA_DIR}` +
        `), or the PostgreSQL ` +
        'server in DATABASE_URL when --data is not given.',
    )
    .option('--data <dir>', `PGlite data folder (default ${DEFAULT_DATA_DIR}; wins over DATABASE_URL)`);

  db.command('migrate')
    .description('Create the store if new and bring its schema to the newest migration.')
    .action(async (_opts: unknown, command: Command) => {
      await withStore(command, async (store, target) => {
        const { startup } = store;
        const applied =
          startup.migrationsApplied.length > 0 ? startup.migrationsApplied.join(', ') : 'none (up to date)';
        const from = startup.source === 'template' ? ', created from the template' : '';
        process.stdout.write(
          `store ready: ${describeTarget(target)}${from} in ${(startup.ms / 1000).toFixed(2)} s; migrations applied: ` +
            `${applied}\n`,
        );
      });
    });

  db.command('export')
    .description('Write the whole store, or the given centres, as one JSON dump (for `wfm db import` elsewhere).')
    .requiredOption('--out <file>', 'the JSON file to write (atomically)')
    .option('--centre <code...>', 'only these centres (code or id); default: the whole store')
    .action(async (opts: { out: string; centre?: string[] }, command: Command) => {
      await withStore(command, async (store, target) => {
        const { getCentre } = await import('../../store/centres.js');
        const { exportStore } = await import('../../store/dump.js');
        const centreIds = opts.centre
          ? await Promise.all(opts.centre.map(async (c) => (await getCentre(store, c)).id))
          : undefined;
        const dump = await exportStore(store, centreIds ? { centreIds } : {});
        writeOutputAtomic(opts.out, `${JSON.stringify(dump)}\n`);
        const rows = Object.values(dump.tables).reduce((n, t) => n + (t?.length ?? 0), 0);
        process.stdout.write(
          `exported ${dump.tables.centres?.length ?? 0} centre(s), ${rows.toLocaleString('en-US')} rows from ` +
            `${describeTarget(target)} to ${opts.out}\n`,
        );
      });
    });

  db.command('import')
    .description('Load a `wfm db export` dump; refused (nothing written) if one of its centres is already here.')
    .requiredOption('--file <file>', 'the JSON dump to read')
    .option('--actor <name>', 'who the audit log records (default $USER)')
    .action(async (opts: { file: string; actor?: string }, command: Command) => {
      const { parseStoreDump } = await import('../../store/dump.js');
      // Checked before the store is opened, so a wrong file never creates an empty store.
      const dump = readInput(opts.file, '--file', (text) => parseStoreDump(parseJsonText(text, opts.file)));
      await withStore(command, async (store, target) => {
        const { importStore } = await import('../../store/dump.js');
        const actor = opts.actor ?? process.env.USER ?? 'cli';
        const report = await importStore(store, dump, { actor });
        const rows = Object.values(report.rows).reduce((n, c) => n + (c ?? 0), 0);
        const codes = report.centres.map((c) => c.code).join(', ') || 'no centres';
        process.stdout.write(
          `imported ${codes}: ${rows.toLocaleString('en-US')} rows into ${describeTarget(target)}\n`,
        );
      });
    });

  registerQueueAndHistory(db);
}

const actorOf = (actor: string | undefined): string => actor ?? process.env.USER ?? 'cli';

/** `wfm db queue` (create or update a centre's queue) and `wfm db history` (append a history file). */
function registerQueueAndHistory(db: Command): void {
  db.command('centre')
    .description(
      'Create a centre (its code, name and time zone); the store keeps its queues, history, forecasts and rosters.',
    )
    .requiredOption('--code <code>', 'a short code, e.g. madrid')
    .requiredOption('--name <name>', 'the name people read')
    .requiredOption('--time-zone <zone>', 'an IANA time zone, e.g. Europe/Madrid')
    .option('--actor <name>', 'who the audit log records (default $USER)')
    .action(async (opts: { code: string; name: string; timeZone: string; actor?: string }, command: Command) => {
      await withStore(command, async (store) => {
        const { createCentre } = await import('../../store/index.js');
        const { code, name, timeZone } = opts;
        const centre = await createCentre(store, { code, name, timeZone }, { actor: actorOf(opts.actor) });
        process.stdout.write(`centre ${centre.code} (${centre.name}, ${centre.timeZone}) created\n`);
      });
    });

  db.command('queue')
    .description("Create or update a centre's queue (its model and target), for its history and forecasts.")
    .requiredOption('--centre <code>', 'the centre (code or id)')
    .requiredOption('--name <queue>', "the queue's name (as in the history's queue column)")
    .option('--channel <channel>', 'voice, chat, email or other', 'voice')
    .option('--model <model>', 'erlang-c, erlang-a, chat or deferred', 'erlang-c')
    .option('--service-level <fraction>', 'target service level, e.g. 0.8', '0.8')
    .option('--answer-seconds <s>', 'target answer time, seconds', '20')
    .option('--priority <n>', 'a higher tier is served first', '1')
    .option('--actor <name>', 'who the audit log records (default $USER)')
    .action(async (opts: Record<string, string>, command: Command) => {
      await withStore(command, async (store) => {
        const { getCentre, upsertQueue } = await import('../../store/index.js');
        const centre = await getCentre(store, opts.centre as string);
        const queue = await upsertQueue(
          store,
          centre.id,
          {
            name: opts.name as string,
            channel: opts.channel as never,
            model: opts.model as never,
            target: { serviceLevel: Number(opts.serviceLevel), answerSeconds: Number(opts.answerSeconds) },
            priority: Number(opts.priority),
          },
          { actor: actorOf(opts.actor) },
        );
        process.stdout.write(`queue ${queue.name} of ${centre.code}: ${queue.model}, priority ${queue.priority}\n`);
      });
    });

  db.command('history')
    .description(
      "Append a history file (the forecast's CSV or JSON: interval counts or contact records) to the centre's " +
        'queues, by its queue column or --queue; a day loaded again replaces its rows.',
    )
    .requiredOption('--centre <code>', 'the centre (code or id)')
    .requiredOption('--input <file>', 'the history file')
    .option('--queue <name>', 'the queue of a file without a queue column')
    .option('--actor <name>', 'who the audit log records (default $USER)')
    .addOption(strictOption())
    .action(
      async (
        opts: { centre: string; input: string; queue?: string; actor?: string; strict?: boolean },
        command: Command,
      ) => {
        const { readHistoryQueues } = await import('../../io/history-files.js');
        // Read and checked before the store is opened: a bad file never touches the store.
        const queues = readHistoryQueues(opts.input, csvReadOptions(opts.strict));
        await withStore(command, async (store) => {
          const { getCentre } = await import('../../store/index.js');
          const { importHistoryToStore } = await import('../../app/store-history.js');
          const centre = await getCentre(store, opts.centre);
          const reports = await importHistoryToStore(store, centre, queues, {
            actor: actorOf(opts.actor),
            defaultQueue: opts.queue,
          });
          for (const r of reports) {
            const span = r.days.length
              ? `${r.days[0]}..${r.days.at(-1)} (${r.days.length} day${r.days.length === 1 ? '' : 's'})`
              : 'no days';
            process.stdout.write(
              `${centre.code}/${r.queue}: ${span}, ${r.intervalMinutes}-minute intervals; ` +
                `${r.inserted.toLocaleString('en-US')} rows added, ${r.replaced.toLocaleString('en-US')} replaced\n`,
            );
          }
        });
      },
    );
}
