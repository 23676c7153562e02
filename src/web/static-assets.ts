/**
 * The page's static files (src/web/static, copied to dist/web/static by `npm run build`), read
 * into memory once when the app is built: a fixed list of names, so no request path ever reaches
 * the file system.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface StaticAsset {
  contentType: string;
  body: Buffer;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** The static folder next to this module (src/web/static under tsx/vitest, dist/web/static when built). */
export function staticDir(): string {
  return fileURLToPath(new URL('./static/', import.meta.url));
}

/** Every servable file of `dir` (top level only) by name. An absent folder gives an empty map. O(files). */
export function loadStaticAssets(dir = staticDir()): Map<string, StaticAsset> {
  const assets = new Map<string, StaticAsset>();
  if (!existsSync(dir)) return assets;
  for (const name of readdirSync(dir).sort()) {
    const ext = name.slice(name.lastIndexOf('.'));
    const contentType = TYPES[ext];
    if (contentType && /^[a-z0-9-]+\.[a-z]+$/.test(name))
      assets.set(name, { contentType, body: readFileSync(`${dir}${name}`) });
  }
  return assets;
}
