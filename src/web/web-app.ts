import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

/**
 * The fastify instance the page's routes are registered on: zod schemas as the type provider, as
 * the API builds it (src/api/app.ts). Declared here from fastify's own types so that the page
 * does not import the API adapter.
 */
export type WebApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;
