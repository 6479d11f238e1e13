/**
 * The fetcher over real sockets: a node:http server on 127.0.0.1 port 0 and the production undici
 * Agent. These are the failures a mock cannot fake: a connection cut mid-body, a reset, keep-alive.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isInScope } from '../../src/discover/urls.js';
import { BodyTooLargeError, NetworkError, NotHtmlError, TimeoutError } from '../../src/errors.js';
import { createDispatcher, createFetcher } from '../../src/http/fetch.js';
import type { FetchResult } from '../../src/http/types.js';
import { silentLogger } from '../../src/log.js';
import { createFakeClock } from './helpers/fake-clock.js';

const PAGE = Buffer.from('<html><body><p>Beauvais</p></body></html>');
const MiB = 1024 * 1024;

/** Streams megabytes of `type` until the client hangs up (or 50 MiB), recording how much it sent. */
function streamUntilClosed(res: ServerResponse, type: string, sent: { bytes: number }): void {
  res.writeHead(200, { 'content-type': type });
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  const pump = () => {
    while (sent.bytes < 50 * MiB && !res.destroyed) {
      sent.bytes += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end();
  };
  pump();
}

const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/page.html': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': PAGE.length });
    res.end(PAGE);
  },
  '/short.html': (_req, res) => {
    // Announces 1000 bytes, sends 100, then closes the connection cleanly.
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': 1000 });
    res.write(Buffer.alloc(100, 0x61));
    setTimeout(() => res.socket?.end(), 10);
  },
  '/reset.html': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write(Buffer.alloc(100, 0x61));
    setTimeout(() => res.socket?.resetAndDestroy(), 10);
  },
  '/stall.html': (_req, res) => {
    // Headers and a first chunk, then silence.
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write('<html>');
  },
  '/huge.html': (_req, res) => streamUntilClosed(res, 'text/html', sent.huge),
  '/huge.pdf': (_req, res) => streamUntilClosed(res, 'application/pdf', sent.pdf),
};

const sent = { huge: { bytes: 0 }, pdf: { bytes: 0 } };
const sockets = new Set<Socket>();
let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((req, res) => (routes[req.url ?? ''] ?? ((_q, r) => r.writeHead(404).end()))(req, res));
  server.on('connection', (socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** A fetcher on a fresh production Agent, without retries (each failure shows as it happened). */
function realFetcher(timeoutMs = 5_000, connections = 2) {
  const dispatcher = createDispatcher({ connections });
  const fetcher = createFetcher({
    dispatcher,
    userAgent: 'beauvais-archive/test',
    timeoutMs,
    maxBodyBytes: 1 * MiB,
    retries: 0,
    isInScope: (url) => isInScope(url, new URL(origin)),
    clock: createFakeClock(),
    logger: silentLogger,
  });
  return { fetcher, close: () => dispatcher.close() };
}

function errorOf(result: FetchResult) {
  if (result.kind !== 'failed') throw new Error(`expected a failure, got ${result.kind}`);
  return result.error;
}

describe('createFetcher over real sockets', () => {
  it('reuses one keep-alive connection for several requests', async () => {
    // One connection per origin: without keep-alive each request would need a new socket.
    const { fetcher, close } = realFetcher(5_000, 1);
    sockets.clear();
    for (let i = 0; i < 5; i++) expect(await fetcher.fetch(`${origin}/page.html`)).toMatchObject({ kind: 'ok', status: 200 });
    expect(sockets.size).toBe(1);
    await close();
  });

  it('fails a body cut short of its Content-Length with a NetworkError', async () => {
    const { fetcher, close } = realFetcher();
    expect(errorOf(await fetcher.fetch(`${origin}/short.html`))).toBeInstanceOf(NetworkError);
    await close();
  });

  it('fails a connection reset mid-body with a NetworkError', async () => {
    const { fetcher, close } = realFetcher();
    expect(errorOf(await fetcher.fetch(`${origin}/reset.html`))).toBeInstanceOf(NetworkError);
    await close();
  });

  it('fails a body that stops flowing with a body TimeoutError', async () => {
    const { fetcher, close } = realFetcher(100);
    const error = errorOf(await fetcher.fetch(`${origin}/stall.html`));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toMatch(/waiting for the body/);
    await close();
  });

  it('stops reading an endless body at the cap instead of buffering it', async () => {
    const { fetcher, close } = realFetcher();
    expect(errorOf(await fetcher.fetch(`${origin}/huge.html`))).toBeInstanceOf(BodyTooLargeError);
    await close();
    await waitForClose();
    // The server could push only what fits in the socket buffers before the client hung up.
    expect(sent.huge.bytes).toBeLessThan(20 * MiB);
  });

  it('hangs up on a PDF without downloading it', async () => {
    const { fetcher, close } = realFetcher();
    expect(errorOf(await fetcher.fetch(`${origin}/huge.pdf`))).toBeInstanceOf(NotHtmlError);
    await close();
    await waitForClose();
    expect(sent.pdf.bytes).toBeLessThan(20 * MiB);
  });
});

/** Waits until the server has seen every connection close (so its byte count is final). */
async function waitForClose(): Promise<void> {
  const open = [...sockets].filter((s) => !s.destroyed);
  await Promise.all(open.map((s) => new Promise((resolve) => s.once('close', resolve))));
}
