/**
 * The HTTP edge of the service: time limits on receiving a request, a connection limit, errors the
 * HTTP parser raises before fastify sees a request (framing, timeouts, `Expect`), and the Host
 * check against DNS rebinding. All of them answer `{ code, message, issues }` like every route.
 */
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { WfmError, type WfmErrorCode } from '../errors.js';
import { sendError } from './error-handler.js';
import type { ApiLimits } from './options.js';

type TimeLimits = Pick<ApiLimits, 'requestTimeoutMs' | 'headersTimeoutMs' | 'keepAliveTimeoutMs'>;

/** The raw bytes of an error answer written straight to a socket (no request object exists yet). */
export function rawErrorResponse(error: WfmError): string {
  const body = JSON.stringify(error.toJSON());
  return (
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? 'Error'}\r\n` +
    `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
    `Connection: close\r\n\r\n${body}`
  );
}

/** What the HTTP parser's error means for the client, as a registry error. */
export function clientErrorOf(error: Error & { code?: string }): WfmError {
  const code = typeof error.code === 'string' ? error.code : 'unknown';
  const map: Record<string, [WfmErrorCode, string]> = {
    ERR_HTTP_REQUEST_TIMEOUT: ['WFM_ERR_API_TIMEOUT', 'The request did not arrive within its time limit.'],
    HPE_HEADER_OVERFLOW: ['WFM_ERR_API_HEADERS_TOO_LARGE', 'The request headers are too large.'],
  };
  const [wfmCode, message] = map[code] ?? ['WFM_ERR_API_REQUEST', `The HTTP request is malformed (${code}).`];
  return new WfmError(wfmCode, message, { issues: [{ path: [], message: code }] });
}

/**
 * fastify's server options for the limits: the whole request within `requestTimeoutMs` (headers
 * within `headersTimeoutMs`), idle keep-alive connections closed after `keepAliveTimeoutMs`, and
 * parser errors answered as JSON. Node checks the request timers every `connectionsCheckingInterval`.
 */
export function serverOptions(limits: TimeLimits): Partial<FastifyServerOptions> {
  const requestTimeout = limits.requestTimeoutMs;
  return {
    requestTimeout,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    http: {
      requestTimeout,
      headersTimeout: Math.min(limits.headersTimeoutMs, requestTimeout),
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(requestTimeout / 4))),
      // The Host check below answers a missing Host as JSON instead of Node's empty 400.
      requireHostHeader: false,
    },
    clientErrorHandler: (error: Error & { code?: string }, socket: Socket) => {
      if (error.code === 'ECONNRESET' || socket.destroyed) return;
      if (socket.writable) socket.write(rawErrorResponse(clientErrorOf(error)));
      socket.destroy();
    },
  } as Partial<FastifyServerOptions>;
}

/** The host name of a Host header, lower case, without the port (IPv6 without brackets). */
export function hostName(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined);
  const colon = h.lastIndexOf(':');
  return colon >= 0 ? h.slice(0, colon) : h;
}

/**
 * Installs the connection limit, the `Expect` answer and the Host check. `allowedHosts` undefined
 * accepts any Host (a service bound to every interface behind a key); otherwise a request naming
 * another host is 421 `WFM_ERR_API_HOST` before anything else runs. A request without Host
 * (HTTP/1.1 requires it) is 400.
 */
export function installHttpGuards(
  app: FastifyInstance,
  limits: Pick<ApiLimits, 'maxConnections'>,
  allowedHosts: readonly string[] | undefined,
): void {
  app.server.maxConnections = limits.maxConnections;
  app.server.on('checkExpectation', (_request: IncomingMessage, response: ServerResponse) => {
    const error = new WfmError('WFM_ERR_API_EXPECTATION', 'Only "Expect: 100-continue" is understood.', {
      issues: [{ path: ['headers', 'expect'], message: 'unsupported expectation' }],
    });
    const body = JSON.stringify(error.toJSON());
    response.writeHead(error.status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      connection: 'close',
    });
    response.end(body);
  });
  const allowed = allowedHosts ? new Set(allowedHosts.map((h) => hostName(h))) : undefined;
  app.addHook('onRequest', async (request, reply) => {
    const host = request.headers.host;
    if (host === undefined || host === '') {
      if (request.raw.httpVersion === '1.0' && !allowed) return;
      return sendError(
        reply,
        new WfmError('WFM_ERR_API_REQUEST', 'The request has no Host header (HTTP/1.1 requires one).', {
          issues: [{ path: ['headers', 'host'], message: 'missing' }],
        }),
      );
    }
    if (allowed && !allowed.has(hostName(host))) {
      return sendError(
        reply,
        new WfmError('WFM_ERR_API_HOST', `This service does not answer for host "${host.slice(0, 100)}".`, {
          issues: [{ path: ['headers', 'host'], message: `not one of ${[...allowed].join(', ')}` }],
        }),
      );
    }
  });
}
