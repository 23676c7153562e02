/**
 * Request bodies read into shared memory for a worker thread: the chunks the socket delivers are
 * copied, as they arrive, into one `SharedArrayBuffer` that the pool thread reads in place. The
 * event loop keeps no chunk, makes no string and never holds the body on its own heap (a
 * `SharedArrayBuffer` lives outside it and passes to a thread without a copy), so that receiving
 * many large bodies at once adds nothing for its garbage collector to mark or move.
 */
import type { IncomingMessage } from 'node:http';
import { errorCodes, type FastifyRequest } from 'fastify';

type Done = (error: Error | null, body?: Uint8Array) => void;

/** The first buffer's size when the length is not declared, and at most when it is. */
const FIRST_CHUNK_BYTES = 64 * 1024;
const MAX_FIRST_BYTES = 1024 * 1024;

/** A copy of `bytes[0, length)` in a shared buffer of `capacity` bytes. */
function grown(bytes: Uint8Array, length: number, capacity: number): Uint8Array {
  const next = new Uint8Array(new SharedArrayBuffer(capacity));
  next.set(bytes.subarray(0, length));
  return next;
}

/**
 * A fastify content-type parser (without `parseAs`: it reads the stream itself) that answers the
 * body as a `Uint8Array` over a `SharedArrayBuffer`, with fastify's own checks and errors: 413
 * `FST_ERR_CTP_BODY_TOO_LARGE` past the route's `bodyLimit` (from `Content-Length` before
 * anything is read), 400 `FST_ERR_CTP_INVALID_CONTENT_LENGTH` when the body is shorter than
 * declared. The buffer grows by doubling when the length is not declared (chunked), and starts at
 * most 1 MiB when it is, so a client that declares a large body and sends nothing holds little.
 */
export function sharedBodyParser(request: FastifyRequest, payload: IncomingMessage, done: Done): void {
  const limit = request.routeOptions.bodyLimit ?? Number.POSITIVE_INFINITY;
  const declared = Number(request.headers['content-length']);
  if (declared > limit) return done(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
  const first = Number.isNaN(declared) ? FIRST_CHUNK_BYTES : Math.min(declared, MAX_FIRST_BYTES);
  let bytes: Uint8Array = new Uint8Array(new SharedArrayBuffer(first));
  let length = 0;
  const stop = (): void => {
    payload.removeListener('data', onData);
    payload.removeListener('end', onEnd);
    payload.removeListener('error', onEnd);
  };
  function onData(chunk: Buffer): void {
    const needed = length + chunk.length;
    if (needed > limit) {
      stop();
      done(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
      return;
    }
    if (needed > bytes.length) {
      const upTo = Number.isNaN(declared) ? limit : Math.max(declared, needed);
      bytes = grown(bytes, length, Math.min(upTo, Math.max(needed, 2 * bytes.length)));
    }
    bytes.set(chunk, length);
    length = needed;
  }
  function onEnd(error?: Error & { statusCode?: number }): void {
    stop();
    if (error) {
      if (!(typeof error.statusCode === 'number' && error.statusCode >= 400)) error.statusCode = 400;
      done(error);
    } else if (!Number.isNaN(declared) && length !== declared) {
      done(new errorCodes.FST_ERR_CTP_INVALID_CONTENT_LENGTH());
    } else {
      done(null, length === bytes.length ? bytes : bytes.subarray(0, length));
    }
  }
  payload.on('data', onData);
  payload.on('end', onEnd);
  payload.on('error', onEnd);
  payload.resume();
}
