/**
 * The failures the test server can inject, one small function per action (documented in
 * serve-site.d.ts). Each reproduces what a flaky Joomla host, proxy or network does to a crawler.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';

/**
 * @typedef {{ status: number, headers: Record<string, string>, body: Buffer }} Plain
 * @typedef {{ req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, normal: () => Plain, signal: AbortSignal }} FaultScene
 */

/** @param {import('node:net').Socket | null} socket */
function reset(socket) {
  // An RST rather than a FIN: what a crashed proxy or a dropped connection looks like (ECONNRESET).
  if (socket && !socket.destroyed) socket.resetAndDestroy();
}

/** @param {import('node:http').ServerResponse} res @param {Buffer} chunk @returns {Promise<void>} */
const write = (res, chunk) => new Promise((resolve) => res.write(chunk, () => resolve()));

/**
 * Carries out one fault action on a request.
 * @param {import('./serve-site.js').FaultAction} action
 * @param {FaultScene} scene
 */
export async function applyFault(action, scene) {
  const { res, normal, signal } = scene;
  const socket = scene.req.socket;
  if (typeof action === 'object' && 'redirect' in action) {
    res.writeHead(action.status ?? 302, { location: action.redirect, 'content-length': '0' });
    res.end();
    return;
  }
  if (typeof action === 'object' && 'delayMs' in action) {
    await delay(action.delayMs, undefined, { signal }).catch(() => undefined);
    if (signal.aborted || res.destroyed) return;
    const r = normal();
    res.writeHead(r.status, { ...r.headers, 'content-length': String(r.body.length) });
    res.end(r.body);
    return;
  }
  if (typeof action === 'object' && 'slowBody' in action) {
    const r = normal();
    res.writeHead(r.status, { ...r.headers, 'content-length': String(r.body.length) });
    const { chunkBytes, intervalMs } = action.slowBody;
    for (let at = 0; at < r.body.length; at += chunkBytes) {
      if (signal.aborted || res.destroyed) return;
      await write(res, r.body.subarray(at, at + chunkBytes));
      await delay(intervalMs, undefined, { signal }).catch(() => undefined);
    }
    res.end();
    return;
  }
  if (typeof action === 'object') {
    const body = typeof action.body === 'string' ? Buffer.from(action.body) : Buffer.from(action.body ?? new Uint8Array());
    res.writeHead(action.status, { ...action.headers, 'content-length': String(body.length) });
    res.end(body);
    return;
  }
  switch (action) {
    case 'hang':
      // Never answer; close() of the server ends the connection.
      return;
    case 'reset-before':
      reset(socket);
      return;
    case 'hang-after-headers': {
      const r = normal();
      res.writeHead(r.status, { ...r.headers, 'content-length': String(r.body.length) });
      res.flushHeaders();
      return;
    }
    case 'reset-mid-body':
    case 'short-body': {
      const r = normal();
      res.writeHead(r.status, { ...r.headers, 'content-length': String(r.body.length) });
      await write(res, r.body.subarray(0, Math.floor(r.body.length / 2)));
      // short-body: a clean FIN after half the announced bytes; reset-mid-body: an RST.
      if (action === 'short-body') socket.end();
      else setImmediate(() => reset(socket));
      return;
    }
    case 'corrupt-gzip': {
      const r = normal();
      const gz = gzipSync(r.body.length > 0 ? r.body : Buffer.from('<!DOCTYPE html><p>vide</p>'));
      // Keep the 10-byte gzip header, wreck the deflate stream after it: the CRC check fails for sure.
      gz.fill(0xff, 10, Math.min(gz.length - 8, 10 + Math.max(16, Math.floor(gz.length / 4))));
      res.writeHead(r.status === 304 ? 200 : r.status, { ...r.headers, 'content-encoding': 'gzip', 'content-length': String(gz.length) });
      res.end(gz);
      return;
    }
    default:
      throw new Error(`unknown fault action ${JSON.stringify(action)}`);
  }
}
