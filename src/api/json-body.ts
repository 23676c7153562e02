/**
 * JSON bodies: fastify's own parser (proto-poisoning checks, its errors) behind a nesting check.
 * A body nested deeper than `maxJsonDepth` is refused before JSON.parse: deep values overflow the
 * stack later (zod, the structured clone to a worker thread) where they would fail as internal errors.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { depthError } from '../contracts/json-text.js';

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
