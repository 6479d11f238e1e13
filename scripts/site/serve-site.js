/**
 * Serves a generated site (or anything with a `route()`) on 127.0.0.1, port 0, with node:http: a
 * fixed latency per response, gzip on request, a log of every request, the peak number of requests
 * in flight, and a `faults` hook that turns chosen requests into failures (fault-actions.js).
 * Types and the list of fault actions: serve-site.d.ts.
 */
import { createServer } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { applyFault } from './fault-actions.js';

/** @typedef {import('./serve-site.js').LoggedRequest} LoggedRequest */

/** Epoch milliseconds with sub-millisecond precision (the log's `at`). */
const preciseNow = () => performance.timeOrigin + performance.now();

/**
 * Starts the server. See serve-site.d.ts.
 * @param {Pick<import('./generate-site.js').Site, 'route'>} site
 * @param {import('./serve-site.js').ServeOptions} [options]
 * @returns {Promise<import('./serve-site.js').ServedSite>}
 */
export async function serveSite(site, options = {}) {
  const { latencyMs = 0, faults, log = true, gzip = false } = options;
  /** @type {LoggedRequest[]} */
  const requests = [];
  /** @type {Map<string, number>} */
  const seen = new Map();
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set();
  const closing = new AbortController();
  let inFlight = 0;
  let peak = 0;
  let total = 0;

  const server = createServer((req, res) => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    /** @type {LoggedRequest} */
    const url = req.url ?? '/';
    const entry = { method: req.method ?? 'GET', url, path: url.split('?')[0] ?? url, headers: req.headers, status: null, at: preciseNow(), doneAt: null };
    if (log) requests.push(entry);
    let counted = true;
    res.on('close', () => {
      if (counted) inFlight--;
      counted = false;
      entry.doneAt = preciseNow();
    });
    const writeHead = res.writeHead.bind(res);
    // Record the status whichever path answers.
    res.writeHead = /** @type {any} */ ((/** @type {number} */ status, /** @type {any[]} */ ...rest) => {
      entry.status = status;
      return writeHead(status, ...rest);
    });
    handle(req, res, entry).catch((error) => {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      } else res.destroy();
    });
  });

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res @param {LoggedRequest} entry */
  async function handle(req, res, entry) {
    const index = total++;
    const nth = (seen.get(entry.url) ?? 0) + 1;
    seen.set(entry.url, nth);
    if (latencyMs > 0) await delay(latencyMs, undefined, { signal: closing.signal }).catch(() => undefined);
    if (closing.signal.aborted) return;
    const action = faults ? await faults(req, { nth, index, site }) : undefined;
    /** @type {() => import('./fault-actions.js').Plain} */
    const normal = () => {
      if (entry.method !== 'GET' && entry.method !== 'HEAD') return { status: 405, headers: { allow: 'GET, HEAD', 'content-type': 'text/plain' }, body: Buffer.from('Method Not Allowed\n') };
      const answer = site.route(entry.url, req.headers);
      if (!answer) return { status: 404, headers: { 'content-type': 'text/html; charset=utf-8' }, body: Buffer.from('<!DOCTYPE html><title>404 - Article non trouvé</title><h1>404 - Article non trouvé</h1>\n') };
      const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      if (gzip && acceptsGzip && answer.status === 200 && answer.body.length > 0) {
        return { status: 200, headers: { ...answer.headers, 'content-encoding': 'gzip', vary: 'Accept-Encoding' }, body: gzipSync(answer.body, { level: 1 }) };
      }
      return { status: answer.status, headers: answer.headers, body: answer.body };
    };
    if (action === undefined || action === 'pass') {
      const r = normal();
      res.writeHead(r.status, { ...r.headers, 'content-length': String(r.body.length) });
      res.end(entry.method === 'HEAD' ? undefined : r.body);
      return;
    }
    await applyFault(action, { req, res, normal, signal: closing.signal });
  }

  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(undefined));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    get peakConcurrency() {
      return peak;
    },
    get inFlight() {
      return inFlight;
    },
    resetLog() {
      requests.length = 0;
      seen.clear();
      peak = inFlight;
    },
    close() {
      closing.abort();
      return new Promise((resolve) => {
        server.close(() => resolve(undefined));
        // Hanging requests and idle keep-alive connections would hold close() forever.
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}
