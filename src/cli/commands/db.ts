import type { Command } from 'commander';
import type { Store, StoreTarget } from '../../store/open-store.js';
import { parseJsonText, readInputFile, writeOutputAtomic } from '../../io/files.js';

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

/** `wfm db migrate | export --out FILE | import --file FILE` on the planning store (docs/store.md). */
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
      const dump = parseStoreDump(parseJsonText(readInputFile(opts.file, '--file'), opts.file));
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
}
