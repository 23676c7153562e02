import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { WfmError } from '../errors.js';
import { sendError } from './error-handler.js';
import type { Store } from '../store/index.js';

/** Paths of the store-backed routes (centres, calendar feeds). */
const STORE_PATH = /^\/v1\/(?:centres|calendar)(?:\/|$)/;

/** Routes that answer without the key (load balancers and probes). */
const PUBLIC_PATHS = new Set(['/healthz']);

/**
 * The planner page's static files (`GET /` and `GET /web/<file>.<ext>`) load without the key, so
 * a browser can open the page; the page then sends the key on every API call. Data routes under
 * /web (demo, exports) have no file extension and stay behind the key.
 */
const PUBLIC_ASSET = /^\/web\/[\w.-]+\.(?:html|js|css|svg|png|ico)$/;

function isPublic(method: string, path: string): boolean {
  if (PUBLIC_PATHS.has(path)) return true;
  return (method === 'GET' || method === 'HEAD') && (path === '/' || PUBLIC_ASSET.test(path));
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * True when `header` is `Bearer <key>`. Both sides are hashed to 32-byte SHA-256 digests first, so
 * that `timingSafeEqual` compares equal lengths and the time taken reveals neither the key nor
 * its length.
 */
export function bearerMatches(header: string | undefined, keyDigest: Buffer): boolean {
  if (typeof header !== 'string') return false;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  const given = digest(match?.[1] ?? '');
  // Compare even when the header is malformed, so both paths take the same time.
  return timingSafeEqual(given, keyDigest) && match !== null;
}

/**
 * With an API key, every route but `/healthz` and the page's static files needs `Authorization: Bearer <key>`;
 * otherwise
 * 401 `WFM_ERR_API_UNAUTHORIZED` (with `WWW-Authenticate: Bearer`). Runs in `onRequest`, before
 * the body is read.
 */
export function installAuth(app: FastifyInstance, apiKey: string | undefined, store?: Store): void {
  if (apiKey === undefined || apiKey === '') return;
  const keyDigest = digest(apiKey);
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (isPublic(request.method, path)) return;
    // Store routes check the store's keys and roles per centre themselves (src/api/store-access.ts).
    if (store && STORE_PATH.test(path)) return;
    if (bearerMatches(request.headers.authorization, keyDigest)) return;
    const key = /^Bearer[ ]+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
    if (store && key !== undefined) {
      // A store key: the headcount (staffing) routes take role system or planner; the rest planner.
      const staffing = path.startsWith('/v1/staffing');
      const { authorize } = await import('../store/index.js'); // loaded only for a service with a store
      const first = await authorize(store, key, { role: staffing ? 'system' : 'planner' });
      if (first.ok) return;
      if (staffing && (await authorize(store, key, { role: 'planner' })).ok) return;
      if (first.error.code === 'WFM_ERR_STORE_FORBIDDEN') return sendError(reply, first.error);
    }
    reply.header('www-authenticate', 'Bearer');
    return sendError(
      reply,
      new WfmError('WFM_ERR_API_UNAUTHORIZED', 'Missing or wrong API key: send "Authorization: Bearer <key>".', {
        issues: [{ path: ['headers', 'authorization'], message: 'a valid bearer token is required' }],
      }),
    );
  });
}
