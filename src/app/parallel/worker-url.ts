import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The file a worker thread should load for a module next to `fromUrl`.
 *
 * Compiled code (dist/) loads the sibling `.js`. Code running from the TypeScript sources (vitest,
 * tsx) loads the compiled worker from dist/, because a worker thread cannot load `.ts` by itself
 * on Node 20; `npm test` builds dist/ first.
 *
 * @example new Piscina({ filename: workerFile(import.meta.url, 'erlang-worker') })
 */
export function workerFile(fromUrl: string, baseName: string): string {
  const here = fileURLToPath(fromUrl);
  if (here.endsWith('.js')) return fileURLToPath(new URL(`./${baseName}.js`, fromUrl));
  const marker = `${'/'}src${'/'}`;
  const at = here.lastIndexOf(marker);
  if (at < 0) throw new Error(`workerFile: ${here} is neither in dist/ nor in src/`);
  const dir = here.slice(at + marker.length, here.lastIndexOf('/'));
  const compiled = `${here.slice(0, at)}/dist/${dir}/${baseName}.js`;
  if (!existsSync(compiled)) {
    throw new Error(`workerFile: ${compiled} is missing; run \`npm run build\` first.`);
  }
  return compiled;
}
