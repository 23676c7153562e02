/**
 * JSON bodies: fastify's own parser (proto-poisoning checks, its errors) behind a nesting check.
 * A body nested deeper than `maxJsonDepth` is refused before JSON.parse: deep values overflow the
 * stack later (zod, the structured clone to a worker thread) where they would fail as internal errors.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { WfmError } from '../errors.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/**
 * The first byte offset where the nesting of arrays and objects passes `maxDepth`, or -1. Bytes
 * inside strings do not count. O(bytes), no allocation.
 */
export function depthOverAt(body: Uint8Array, maxDepth: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const b = body[i] as number;
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) inString = true;
    else if (b === OPEN_ARRAY || b === OPEN_OBJECT) {
      if (++depth > maxDepth) return i;
    } else if (b === CLOSE_ARRAY || b === CLOSE_OBJECT) depth--;
  }
  return -1;
}

/** 400 `WFM_ERR_INPUT_JSON` when `body` nests deeper than `maxDepth`, else undefined. */
export function depthError(body: Uint8Array, maxDepth: number): WfmError | undefined {
  const at = depthOverAt(body, maxDepth);
  if (at < 0) return undefined;
  return new WfmError(
    'WFM_ERR_INPUT_JSON',
    `The request body nests arrays and objects deeper than ${maxDepth} levels (at byte ${at}).`,
    { issues: [{ path: [], message: `nested deeper than ${maxDepth} levels` }] },
  );
}

type Done = (error: Error | null, value?: unknown) => void;

/** fastify's JSON parser over bytes, after the depth check. */
export function jsonBodyParser(
  app: Pick<FastifyInstance, 'getDefaultJsonParser'>,
  maxDepth: number,
): (request: FastifyRequest, body: Buffer, done: Done) => void {
  const parse = app.getDefaultJsonParser('error', 'error');
  return (request, body, done) => {
    const error = depthError(body, maxDepth);
    if (error) return done(error);
    void parse(request, body as unknown as string, done as never);
  };
}

/** Replaces the app's JSON body parser with the depth-checked one. */
export function installJsonParser(app: FastifyInstance, maxDepth: number): void {
  const parse = jsonBodyParser(app, maxDepth);
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) =>
    parse(request, body as Buffer, done),
  );
}
