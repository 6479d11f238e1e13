import { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { ArchiveWriteError, BodyTooLargeError, MediaTypeError } from '../../src/errors.js';
import { createMockSite, SITE, type MockSite } from './helpers/mock-site.js';

let mock: MockSite;
afterEach(async () => {
  await mock.agent.close();
});

/** A Writable that collects what it is given (each attempt starts afresh). */
function collector() {
  const received: Buffer[] = [];
  return {
    received: () => Buffer.concat(received),
    sink: () => {
      received.length = 0;
      return new Writable({
        write(chunk: Buffer, _encoding, done) {
          received.push(chunk);
          done();
        },
      });
    },
  };
}

describe('createFetcher: a body streamed to a sink', () => {
  const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(64 * 1024, 0x41)]);

  it('hands the decoded bytes to the sink, not to the result', async () => {
    mock = createMockSite();
    mock.site.intercept({ path: '/a.pdf' }).reply(200, gzipSync(PDF), { headers: { 'content-type': 'application/pdf', 'content-encoding': 'gzip' } });
    const out = collector();
    const result = await mock.fetcher.fetch(`${SITE}/a.pdf`, { accept: 'any', sink: out.sink });
    expect(result.kind).toBe('ok');
    if (result.kind === 'ok') expect(result.body.length).toBe(0);
    expect(out.received()).toEqual(PDF);
  });

  it('hands the streamed exchange back on the result, not to onExchange (the redirect before it goes there)', async () => {
    mock = createMockSite();
    mock.site.intercept({ path: '/ancien.pdf' }).reply(301, '', { headers: { location: `${SITE}/a.pdf` } });
    mock.site.intercept({ path: '/a.pdf' }).reply(200, PDF, { headers: { 'content-type': 'application/pdf' } });
    const result = await mock.fetcher.fetch(`${SITE}/ancien.pdf`, { accept: 'any', sink: collector().sink });
    expect(result.kind).toBe('ok');
    if (result.kind === 'ok') {
      expect(result.exchange).toMatchObject({ url: `${SITE}/a.pdf`, status: 200, responseHeaders: { 'content-type': 'application/pdf' } });
      expect(result.exchange).not.toHaveProperty('body');
    }
    expect(mock.exchanges.map((e) => [e.url, e.status])).toEqual([[`${SITE}/ancien.pdf`, 301]]);
  });

  it('refuses the response when the sink throws (its body is not read), and caps the streamed bytes', async () => {
    mock = createMockSite({ maxBodyBytes: 1024 });
    mock.site.intercept({ path: '/faux.pdf' }).reply(200, '<html>Page introuvable</html>', { headers: { 'content-type': 'text/html' } });
    const refused = await mock.fetcher.fetch(`${SITE}/faux.pdf`, {
      accept: 'any',
      sink: (headers) => {
        throw new MediaTypeError(`${SITE}/faux.pdf`, 'PDF', headers['content-type'] ?? '');
      },
    });
    expect(refused.kind === 'failed' && refused.error).toBeInstanceOf(MediaTypeError);

    mock.site.intercept({ path: '/gros.pdf' }).reply(200, PDF, { headers: { 'content-type': 'application/pdf' } });
    const out = collector();
    const large = await mock.fetcher.fetch(`${SITE}/gros.pdf`, { accept: 'any', sink: out.sink });
    expect(large.kind === 'failed' && large.error).toBeInstanceOf(BodyTooLargeError);
    expect(out.received().length).toBeLessThanOrEqual(1024);
  });

  it('rejects with the sink’s ArchiveWriteError (a full disk stops the crawl, it is no network failure)', async () => {
    mock = createMockSite();
    mock.site.intercept({ path: '/a.pdf' }).reply(200, PDF, { headers: { 'content-type': 'application/pdf' } });
    const full = () =>
      new Writable({
        write(_chunk, _encoding, done) {
          done(new ArchiveWriteError('/archive/media/.part-1', Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })));
        },
      });
    await expect(mock.fetcher.fetch(`${SITE}/a.pdf`, { accept: 'any', sink: full })).rejects.toBeInstanceOf(ArchiveWriteError);
  });
});
