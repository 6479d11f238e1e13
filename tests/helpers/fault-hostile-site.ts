/**
 * A generated site with hostile pages in place of some articles: a node:http server on 127.0.0.1,
 * port 0, answering chosen paths with a handler of the test's own (raw bytes, any header, a stream
 * without Content-Length) and every other path from the generated site. Every request is logged with
 * its Host header, so a test sees whom the crawl asked for what.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Site } from '../../scripts/site/generate-site.js';

/** Answers one request. */
export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface HostileSite {
  readonly url: string;
  /** Path (with query) and Host header of every request, in arrival order. */
  readonly requests: Array<{ readonly url: string; readonly host: string | undefined }>;
  /** Answers `path` with `handler` instead of the generated site. */
  override(path: string, handler: Handler): void;
  close(): Promise<void>;
}

/** A handler sending `body` with status 200 and `headers` (a Content-Length unless told otherwise). */
export function sendPage(body: string | Buffer, headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' }): Handler {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return (_req, res) => {
    res.writeHead(200, { 'content-length': String(bytes.length), ...headers });
    res.end(bytes);
  };
}

/** Serves `site` with overrides. */
export async function serveHostileSite(site: Pick<Site, 'route'>): Promise<HostileSite> {
  const overrides = new Map<string, Handler>();
  const requests: HostileSite['requests'] = [];
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    requests.push({ url, host: req.headers.host });
    const handler = overrides.get(url);
    if (handler) return handler(req, res);
    const answer = site.route(url, req.headers);
    if (!answer) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!DOCTYPE html><title>404 - Page introuvable</title><h1>Page introuvable</h1>');
      return;
    }
    res.writeHead(answer.status, { ...answer.headers, 'content-length': String(answer.body.length) });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    override: (path, handler) => void overrides.set(path, handler),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
