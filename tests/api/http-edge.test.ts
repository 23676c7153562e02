/**
 * The HTTP edge, over real loopback sockets (issue 17, items 4, 7 and 11): a trickled body is cut
 * off with 408, connections are limited, idle keep-alive connections close, malformed framing is
 * answered as `{ code, message, issues }`, a foreign Host is refused, and the page sends its
 * security headers. Every wait is bounded (a few seconds at most), all on 127.0.0.1.
 */
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodApp } from '../../src/api/context.js';
import { allowedHostsFor, startServer } from '../../src/server.js';
import { testApp } from './helpers.js';

let app: ZodApp;
let port: number;

beforeAll(async () => {
  app = await testApp({
    limits: { requestTimeoutMs: 600, headersTimeoutMs: 400, keepAliveTimeoutMs: 300, maxConnections: 4 },
    allowedHosts: ['localhost', '127.0.0.1'],
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  port = (app.server.address() as AddressInfo).port;
});
afterAll(async () => app.close());

interface RawAnswer {
  text: string;
  closed: boolean;
}

/** Opens a socket to the test server; resolves once connected. */
function open(to = port): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: to }, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Collects what the server writes until it closes the socket or `waitMs` passes. */
function collect(socket: Socket, waitMs: number): Promise<RawAnswer> {
  return new Promise((resolve) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', () => {});
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ text, closed: false });
    }, waitMs);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve({ text, closed: true });
    });
  });
}

/** Sends raw bytes and reads the answer (status and JSON body). */
async function raw(
  bytes: string,
  waitMs = 3_000,
  to = port,
): Promise<{ status: number; body: unknown; closed: boolean }> {
  const socket = await open(to);
  const answer = collect(socket, waitMs);
  socket.write(bytes);
  const { text, closed } = await answer;
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
  const body = text.includes('\r\n\r\n') ? text.slice(text.indexOf('\r\n\r\n') + 4) : '';
  let parsed: unknown = body;
  try {
    parsed = JSON.parse(body);
  } catch {
    // not JSON: left as text, and the assertions say so
  }
  return { status, body: parsed, closed };
}

function expectWfmError(body: unknown, code: string): void {
  expect(body).toMatchObject({ code, message: expect.any(String), issues: expect.any(Array) });
}

describe('time limits and connections (item 4)', () => {
  it('cuts off a body trickled one byte at a time with 408 and closes the connection', async () => {
    const socket = await open();
    const answer = collect(socket, 5_000);
    socket.write(
      'POST /v1/test-jobs HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{',
    );
    const drip = setInterval(() => {
      if (!socket.destroyed) socket.write(' ');
    }, 100);
    const { text, closed } = await answer;
    clearInterval(drip);
    expect(closed).toBe(true);
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
    expectWfmError(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)), 'WFM_ERR_API_TIMEOUT');
  });

  it('closes an idle keep-alive connection after keepAliveTimeoutMs', async () => {
    const socket = await open();
    const answer = collect(socket, 4_000);
    socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n');
    const { text, closed } = await answer;
    expect(text).toMatch(/^HTTP\/1\.1 200 /);
    expect(closed).toBe(true);
  });

  it('closes connections beyond maxConnections on arrival', async () => {
    const held = await Promise.all([open(), open(), open(), open()]);
    // The server counts a connection once it accepts it: give it a moment to see all four.
    await new Promise((r) => setTimeout(r, 100));
    const extra = await open();
    const { text, closed } = await collect(extra, 2_000);
    for (const s of held) s.destroy();
    // Let the server see them go before the next test connects.
    await new Promise((r) => setTimeout(r, 200));
    expect(closed).toBe(true);
    expect(text).toBe('');
  });
});

describe('framing errors answer { code, message, issues } (item 7)', () => {
  it('a request without Host', async () => {
    const r = await raw('GET /healthz HTTP/1.1\r\n\r\n');
    expect(r.status).toBe(400);
    expectWfmError(r.body, 'WFM_ERR_API_REQUEST');
  });

  it('Expect: bogus', async () => {
    const r = await raw('GET /healthz HTTP/1.1\r\nHost: localhost\r\nExpect: bogus\r\n\r\n');
    expect(r.status).toBe(417);
    expectWfmError(r.body, 'WFM_ERR_API_EXPECTATION');
  });

  it('a request line that is not HTTP', async () => {
    const r = await raw('HELLO THERE\r\n\r\n');
    expect(r.status).toBe(400);
    expectWfmError(r.body, 'WFM_ERR_API_REQUEST');
  });

  it('broken chunked encoding', async () => {
    const r = await raw(
      'POST /v1/test-jobs HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
        'Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n',
    );
    expect(r.status).toBe(400);
    expectWfmError(r.body, 'WFM_ERR_API_REQUEST');
  });

  it('headers over the size limit', async () => {
    const r = await raw(`GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(r.status).toBe(431);
    expectWfmError(r.body, 'WFM_ERR_API_HEADERS_TOO_LARGE');
  });

  it('a header with a forbidden character', async () => {
    const r = await raw('GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Bad: a\u0001b\r\n\r\n');
    expect(r.status).toBe(400);
    expectWfmError(r.body, 'WFM_ERR_API_REQUEST');
  });
});

describe('Host names and the page (item 11)', () => {
  it('refuses a Host the service does not answer for (DNS rebinding), accepts its own', async () => {
    const evil = await raw('GET /healthz HTTP/1.1\r\nHost: attacker.example:80\r\nConnection: close\r\n\r\n');
    expect(evil.status).toBe(421);
    expectWfmError(evil.body, 'WFM_ERR_API_HOST');
    const own = await raw(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
    expect(own.status).toBe(200);
  });

  it('startServer answers only the bound names by default', async () => {
    expect(allowedHostsFor('127.0.0.1', [])).toEqual(['localhost', '127.0.0.1', '::1']);
    expect(allowedHostsFor('10.1.2.3', ['wfm.example'])).toEqual(['10.1.2.3', 'wfm.example']);
    expect(allowedHostsFor('0.0.0.0', [])).toBeUndefined();
    expect(allowedHostsFor('127.0.0.1', ['*'])).toBeUndefined();
    const { app: served, address } = await startServer({ port: 0, logLevel: 'silent', env: {} });
    try {
      const servedPort = Number(new URL(address).port);
      const evil = await raw(
        'GET /healthz HTTP/1.1\r\nHost: rebound.example\r\nConnection: close\r\n\r\n',
        3_000,
        servedPort,
      );
      expect(evil.status).toBe(421);
      const own = await raw('GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n', 3_000, servedPort);
      expect(own.status).toBe(200);
    } finally {
      await served.close();
    }
  });

  it('refuses to listen beyond loopback without a key unless told to', async () => {
    await expect(startServer({ host: '0.0.0.0', port: 0, logLevel: 'silent', env: {} })).rejects.toMatchObject({
      code: 'WFM_ERR_INPUT_INVALID',
    });
  });

  it('the page sends a Content-Security-Policy and refuses framing', async () => {
    const page = await app.inject({ url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');
  });
});
