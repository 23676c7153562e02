/** Shared by the API benchmarks: the service in a child process, and the benchmark week. */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { WEEK_INTERVALS, weekShape } from './lib/week-loads.js';

const SERVER_JS = fileURLToPath(new URL('../dist/server.js', import.meta.url));

/** Starts the service in a child process on a free loopback port; resolves with its URL. */
export async function startServerProcess(
  env: Record<string, string> = {},
): Promise<{ url: string; child: ChildProcess }> {
  const code = `import(${JSON.stringify(SERVER_JS)}).then((m) => m.startServer({ host: '127.0.0.1', port: 0, logLevel: 'silent' })).then(({ address }) => console.log('LISTENING ' + address));`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout?.setEncoding('utf8');
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: string) => {
      out += chunk;
      const m = /LISTENING (\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`server exited early (${code})`)));
  });
  return { url, child };
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
