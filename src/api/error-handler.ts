import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_CODES, WfmError, isWfmError, type WfmErrorCode, type WfmIssue } from '../errors.js';

/** Fastify's own error codes, mapped to the engine's (all 4xx: bad input never gives a 5xx). */
const FASTIFY_CODES: Record<string, WfmErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'WFM_ERR_INPUT_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'WFM_ERR_API_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'WFM_ERR_API_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'WFM_ERR_INPUT_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'WFM_ERR_INPUT_JSON',
  FST_ERR_VALIDATION: 'WFM_ERR_INPUT_INVALID',
  FST_ERR_NOT_FOUND: 'WFM_ERR_API_NOT_FOUND',
};

function isKnownCode(code: unknown): code is WfmErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_CODES, code);
}

function issuesOf(value: unknown): WfmIssue[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((i): i is { path: unknown; message: unknown } => typeof i === 'object' && i !== null)
    .map((i) => ({
      path: Array.isArray(i.path)
        ? i.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number')
        : [],
      message: String(i.message),
    }));
}

/**
 * Any thrown value as a `WfmError`: a WfmError as is; an error that crossed a worker-thread
 * boundary (structured clone keeps `message` but may drop the class) by its `code`; fastify's
 * request errors by their status; anything else as `WFM_ERR_INTERNAL`, with a generic message
 * (internal details go to the log, not to the client).
 */
export function toWfmError(error: unknown): WfmError {
  if (isWfmError(error)) return error;
  if (typeof error === 'object' && error !== null) {
    const e = error as {
      code?: unknown;
      message?: unknown;
      issues?: unknown;
      statusCode?: unknown;
      name?: unknown;
      cause?: unknown;
    };
    if (e.name === 'AbortError' && isWfmError(e.cause)) return e.cause;
    if (isKnownCode(e.code))
      return new WfmError(e.code, String(e.message ?? e.code), { issues: issuesOf(e.issues), cause: error });
    if (typeof e.code === 'string' && FASTIFY_CODES[e.code]) {
      return new WfmError(FASTIFY_CODES[e.code] as WfmErrorCode, String(e.message), { cause: error });
    }
    if (error instanceof SyntaxError && e.statusCode === 400) {
      return new WfmError('WFM_ERR_INPUT_JSON', `The request body is not valid JSON (${error.message}).`, {
        cause: error,
      });
    }
    const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
    if (status === 413) return new WfmError('WFM_ERR_INPUT_TOO_LARGE', String(e.message), { cause: error });
    if (status === 415) return new WfmError('WFM_ERR_API_MEDIA_TYPE', String(e.message), { cause: error });
    if (status >= 400 && status < 500) return new WfmError('WFM_ERR_API_REQUEST', String(e.message), { cause: error });
  }
  return new WfmError('WFM_ERR_INTERNAL', 'An unexpected internal error occurred; it has been logged.', {
    cause: error,
  });
}

/** The JSON error body `{ code, message, issues }` with the registry's status. */
export function sendError(reply: FastifyReply, error: WfmError): FastifyReply {
  return reply.code(error.status).type('application/json; charset=utf-8').send(JSON.stringify(error.toJSON()));
}

/**
 * One error handler and one not-found handler for the whole service: every error is answered
 * as `{ code, message, issues: [{ path, message }] }` with the code's status. Only unexpected
 * errors (5xx) are logged at error level, with the stack; bodies are never logged.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const wfm = toWfmError(error);
    if (wfm.status >= 500) request.log.error({ err: error }, 'unexpected error');
    else request.log.info({ code: wfm.code, status: wfm.status }, 'request rejected');
    return sendError(reply, wfm);
  });
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) =>
    sendError(
      reply,
      new WfmError(
        'WFM_ERR_API_NOT_FOUND',
        `No route ${request.method} ${(request.url.split('?')[0] ?? '').slice(0, 200)}.`,
        {
          issues: [{ path: [], message: 'unknown route' }],
        },
      ),
    ),
  );
}
