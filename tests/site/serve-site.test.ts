/**
 * The server of the generated site, which the benchmark, the end-to-end tests and the
 * fault-injection suite stand on: it logs what it saw, counts requests in flight, and each fault
 * action fails a real undici request the way serve-site.d.ts says.
 */
import { gunzipSync } from 'node:zlib';
import { Agent, request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { generateSite } from '../../scripts/site/generate-site.js';
import { serveSite, type FaultAction, type ServedSite } from '../../scripts/site/serve-site.js';

const text = (site: ReturnType<typeof generateSite>, path: string) => site.route(path)?.body.toString('utf8');

describe('serveSite', () => {
  let served: ServedSite | undefined;
  let agents: Agent[] = [];
  const agent = (options: Agent.Options = { headersTimeout: 300, bodyTimeout: 300 }) => {
    const created = new Agent(options);
    agents.push(created);
    return created;
  };
  afterEach(async () => {
    await served?.close();
    served = undefined;
    await Promise.all(agents.map((a) => a.destroy()));
    agents = [];
  });
  const site = generateSite({ articles: 30, seed: 'serve' });
  const articlePath = site.articleAt(5).path;
  const serveWith = async (action: FaultAction) => {
    served = await serveSite(site, { faults: (req) => (req.url === articlePath ? action : undefined) });
    return `${served.url}${articlePath}`;
  };
  const failure = async (promise: Promise<unknown>) => promise.then(() => 'no error', (error: unknown) => {
    const e = error as { code?: string; cause?: { code?: string } };
    return e.code ?? e.cause?.code ?? String(error);
  });

  it('serves the site, logs every request with its status, and answers 404, HEAD and 304', async () => {
    served = await serveSite(site);
    const dispatcher = agent();
    const page = await request(`${served.url}${articlePath}`, { dispatcher });
    const body = await page.body.text();
    expect(body).toBe(text(site, articlePath));
    const etag = page.headers.etag as string;
    const again = await request(`${served.url}${articlePath}`, { dispatcher, headers: { 'if-none-match': etag } });
    await again.body.dump();
    const head = await request(`${served.url}/`, { dispatcher, method: 'HEAD' });
    expect(await head.body.text()).toBe('');
    const missing = await request(`${served.url}/nowhere.html`, { dispatcher });
    await missing.body.dump();
    expect([again.statusCode, head.statusCode, missing.statusCode]).toEqual([304, 200, 404]);
    expect(served.requests.map((r) => [r.method, r.url, r.status])).toEqual([
      ['GET', articlePath, 200], ['GET', articlePath, 304], ['HEAD', '/', 200], ['GET', '/nowhere.html', 404],
    ]);
  });

  it('counts the peak number of requests in flight', async () => {
    const waiting: Array<() => void> = [];
    // Holds requests until eight have arrived, so the peak does not depend on timing.
    served = await serveSite(site, {
      faults: () => new Promise<FaultAction>((resolve) => {
        waiting.push(() => resolve('pass'));
        if (waiting.length === 8) for (const release of waiting) release();
      }),
    });
    const dispatcher = agent({ connections: 16 });
    const url = served.url;
    await Promise.all(Array.from({ length: 8 }, () => request(`${url}/`, { dispatcher }).then((r) => r.body.dump())));
    expect(served.peakConcurrency).toBe(8);
    served.resetLog();
    expect(served.requests).toEqual([]);
  });

  it('gzips when asked and allowed', async () => {
    served = await serveSite(site, { gzip: true });
    const res = await request(`${served.url}${articlePath}`, { dispatcher: agent(), headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(Buffer.from(await res.body.arrayBuffer())).toString()).toBe(text(site, articlePath));
  });

  it('sends a chosen response', async () => {
    const url = await serveWith({ status: 503, headers: { 'retry-after': '7' }, body: 'Service Unavailable' });
    const res = await request(url, { dispatcher: agent() });
    expect([res.statusCode, res.headers['retry-after'], await res.body.text()]).toEqual([503, '7', 'Service Unavailable']);
    expect(served?.requests[0]?.status).toBe(503);
  });

  it('redirects', async () => {
    const url = await serveWith({ redirect: 'http://elsewhere.example/', status: 301 });
    const res = await request(url, { dispatcher: agent() });
    await res.body.dump();
    expect([res.statusCode, res.headers.location]).toEqual([301, 'http://elsewhere.example/']);
  });

  it('delays the answer past a header timeout', async () => {
    const url = await serveWith({ delayMs: 5_000 });
    expect(await failure(request(url, { dispatcher: agent() }))).toBe('UND_ERR_HEADERS_TIMEOUT');
  });

  it('trickles the body past a body timeout', async () => {
    const url = await serveWith({ slowBody: { chunkBytes: 100, intervalMs: 5_000 } });
    const res = await request(url, { dispatcher: agent() });
    expect(res.statusCode).toBe(200);
    expect(await failure(res.body.text())).toBe('UND_ERR_BODY_TIMEOUT');
  });

  it('hangs without answering', async () => {
    const url = await serveWith('hang');
    expect(await failure(request(url, { dispatcher: agent() }))).toBe('UND_ERR_HEADERS_TIMEOUT');
    expect(served?.requests[0]?.status).toBeNull();
  });

  it('hangs after the headers', async () => {
    const url = await serveWith('hang-after-headers');
    const res = await request(url, { dispatcher: agent() });
    expect(res.statusCode).toBe(200);
    expect(await failure(res.body.text())).toBe('UND_ERR_BODY_TIMEOUT');
  });

  it('resets the connection before answering', async () => {
    const url = await serveWith('reset-before');
    expect(await failure(request(url, { dispatcher: agent() }))).toMatch(/ECONNRESET|UND_ERR_SOCKET/);
  });

  it('resets the connection in the middle of the body', async () => {
    const url = await serveWith('reset-mid-body');
    const res = await request(url, { dispatcher: agent() });
    expect(res.statusCode).toBe(200);
    expect(await failure(res.body.text())).toMatch(/ECONNRESET|UND_ERR_SOCKET/);
  });

  it('closes the connection after half the announced body', async () => {
    const url = await serveWith('short-body');
    const res = await request(url, { dispatcher: agent() });
    expect(Number(res.headers['content-length'])).toBe(site.route(articlePath)?.body.length);
    expect(await failure(res.body.text())).toMatch(/UND_ERR_SOCKET|UND_ERR_RES_CONTENT_LENGTH_MISMATCH/);
  });

  it('sends a corrupt gzip body', async () => {
    const url = await serveWith('corrupt-gzip');
    const res = await request(url, { dispatcher: agent() });
    expect(res.headers['content-encoding']).toBe('gzip');
    const body = Buffer.from(await res.body.arrayBuffer());
    expect(() => gunzipSync(body)).toThrow();
  });

  it('ends hanging connections on close', async () => {
    const url = await serveWith('hang');
    const pending = failure(request(url, { dispatcher: agent({ headersTimeout: 60_000 }) }));
    while (served?.inFlight !== 1) await new Promise((resolve) => setImmediate(resolve));
    await served.close();
    served = undefined;
    expect(await pending).toMatch(/UND_ERR_SOCKET|ECONNRESET/);
  });
});
