import { afterEach, describe, expect, it } from 'vitest';
import { HttpStatusError, NetworkError, TimeoutError } from '../../src/errors.js';
import { createRequestGate, type RequestGate } from '../../src/http/schedule.js';
import { createFakeClock, settle, START_MS } from './helpers/fake-clock.js';
import { createMockSite, HTML, SITE, type MockSite } from './helpers/mock-site.js';

let mock: MockSite;
afterEach(async () => {
  await mock.agent.close();
});

/** A gate that lets everything through and records the host-wide pauses asked of it. */
function createSpyGate(): RequestGate & { pauses: number[]; turns: number } {
  const pauses: number[] = [];
  return {
    pauses,
    turns: 0,
    async waitTurn() {
      this.turns++;
    },
    setMinGap() {},
    pause: (ms) => void pauses.push(ms),
    minGapMs: 0,
  };
}

describe('createFetcher: retries', () => {
  it('retries a 500 after a jittered backoff and returns the 200', async () => {
    mock = createMockSite();
    mock.site.intercept({ path: '/p.html' }).reply(500, 'oops');
    mock.site.intercept({ path: '/p.html' }).reply(200, 'fine', { headers: HTML });
    const result = await mock.fetcher.fetch(`${SITE}/p.html`);
    expect(result).toMatchObject({ kind: 'ok', status: 200 });
    // First retry: full jitter in [0, 500 ms), random() = 0.5.
    expect(mock.clock.sleeps).toEqual([250]);
    const attempts = mock.logger.lines.filter((l) => l.level === 'debug' && l.message.startsWith('GET '));
    expect(attempts.map((l) => l.message)).toEqual([`GET ${SITE}/p.html → 500 (0 ms)`, `GET ${SITE}/p.html → 200 (0 ms)`]);
    expect(mock.logger.lines.filter((l) => l.level !== 'debug')).toEqual([]);
  });

  it('gives up after the configured retries, with the attempts counted and the backoff doubling', async () => {
    mock = createMockSite({ retries: 3 });
    mock.site.intercept({ path: '/p.html' }).reply(502, 'bad gateway').times(4);
    const result = await mock.fetcher.fetch(`${SITE}/p.html`);
    expect(result.kind).toBe('failed');
    if (result.kind !== 'failed') return;
    expect(result.error).toBeInstanceOf(HttpStatusError);
    expect(result.error.status).toBe(502);
    expect(result.attempts).toBe(4);
    expect(mock.clock.sleeps).toEqual([250, 500, 1000]);
  });

  it('retries a network error', async () => {
    mock = createMockSite();
    mock.site.intercept({ path: '/p.html' }).replyWithError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));
    mock.site.intercept({ path: '/p.html' }).reply(200, 'fine', { headers: HTML });
    expect(await mock.fetcher.fetch(`${SITE}/p.html`)).toMatchObject({ kind: 'ok' });
  });

  it('reports a network error that outlives its retries as a NetworkError', async () => {
    mock = createMockSite({ retries: 1 });
    mock.site.intercept({ path: '/p.html' }).replyWithError(new Error('connect ECONNREFUSED')).times(2);
    const result = await mock.fetcher.fetch(`${SITE}/p.html`);
    expect(result).toMatchObject({ kind: 'failed', attempts: 2 });
    if (result.kind === 'failed') expect(result.error).toBeInstanceOf(NetworkError);
  });

  it('honours Retry-After in seconds on a 429, and pauses the whole host as long', async () => {
    const gate = createSpyGate();
    mock = createMockSite({ gate });
    mock.site.intercept({ path: '/p.html' }).reply(429, 'slow down', { headers: { 'retry-after': '7' } });
    mock.site.intercept({ path: '/p.html' }).reply(200, 'fine', { headers: HTML });
    expect(await mock.fetcher.fetch(`${SITE}/p.html`)).toMatchObject({ kind: 'ok' });
    expect(mock.clock.sleeps).toEqual([7_000]);
    expect(gate.pauses).toEqual([7_000]);
    expect(gate.turns).toBe(2);
  });

  it('honours Retry-After as an HTTP-date on a 503', async () => {
    const gate = createSpyGate();
    mock = createMockSite({ gate });
    const in30s = new Date(START_MS + 30_000).toUTCString();
    mock.site.intercept({ path: '/p.html' }).reply(503, 'maintenance', { headers: { 'retry-after': in30s } });
    mock.site.intercept({ path: '/p.html' }).reply(200, 'fine', { headers: HTML });
    expect(await mock.fetcher.fetch(`${SITE}/p.html`)).toMatchObject({ kind: 'ok' });
    expect(mock.clock.sleeps).toEqual([30_000]);
    expect(gate.pauses).toEqual([30_000]);
  });

  it('caps an excessive Retry-After at two minutes', async () => {
    mock = createMockSite();
    mock.site.intercept({ path: '/p.html' }).reply(503, '', { headers: { 'retry-after': '86400' } });
    mock.site.intercept({ path: '/p.html' }).reply(200, 'fine', { headers: HTML });
    await mock.fetcher.fetch(`${SITE}/p.html`);
    expect(mock.clock.sleeps).toEqual([120_000]);
  });

  it('does not pause the host for a plain 500', async () => {
    const gate = createSpyGate();
    mock = createMockSite({ gate });
    mock.site.intercept({ path: '/p.html' }).reply(500, '');
    mock.site.intercept({ path: '/p.html' }).reply(200, 'fine', { headers: HTML });
    await mock.fetcher.fetch(`${SITE}/p.html`);
    expect(gate.pauses).toEqual([]);
  });

  it('stops promptly when aborted during a backoff sleep', async () => {
    const clock = createFakeClock('manual');
    mock = createMockSite({}, clock);
    mock.site.intercept({ path: '/p.html' }).reply(503, '', { headers: { 'retry-after': '120' } });
    mock.site.intercept({ path: '/p.html' }).reply(200, 'never asked', { headers: HTML });
    const controller = new AbortController();
    const pending = mock.fetcher.fetch(`${SITE}/p.html`, { signal: controller.signal });
    while (clock.pendingSleeps === 0) await settle();
    const reason = new Error('SIGINT');
    controller.abort(reason);
    const result = await pending;
    expect(result).toMatchObject({ kind: 'failed', attempts: 1 });
    if (result.kind === 'failed') {
      expect(result.error).toBeInstanceOf(NetworkError);
      expect(result.error.cause).toBe(reason);
    }
    // The retry was never sent.
    expect(mock.agent.pendingInterceptors().map((i) => i.path)).toEqual(['/p.html']);
  });

  it('sends nothing when the signal has already aborted', async () => {
    mock = createMockSite();
    mock.site.intercept({ path: '/p.html' }).reply(200, 'never asked', { headers: HTML });
    const result = await mock.fetcher.fetch(`${SITE}/p.html`, { signal: AbortSignal.abort('SIGTERM') });
    expect(result).toMatchObject({ kind: 'failed', attempts: 0 });
    expect(mock.agent.pendingInterceptors()).toHaveLength(1);
  });
});

describe('createFetcher: politeness', () => {
  it('waits for the gate before every request, redirects included', async () => {
    const gate = createSpyGate();
    mock = createMockSite({ gate });
    mock.site.intercept({ path: '/old.html' }).reply(301, '', { headers: { location: '/new.html' } });
    mock.site.intercept({ path: '/new.html' }).reply(200, 'new', { headers: HTML });
    await mock.fetcher.fetch(`${SITE}/old.html`);
    expect(gate.turns).toBe(2);
  });

  it('spaces consecutive requests by the gate gap', async () => {
    const clock = createFakeClock();
    mock = createMockSite({ gate: createRequestGate({ minGapMs: 1_500, clock }) }, clock);
    mock.site.intercept({ path: '/a.html' }).reply(200, 'a', { headers: HTML });
    mock.site.intercept({ path: '/b.html' }).reply(200, 'b', { headers: HTML });
    await mock.fetcher.fetch(`${SITE}/a.html`);
    await mock.fetcher.fetch(`${SITE}/b.html`);
    expect(clock.sleeps).toEqual([1_500]);
  });
});

describe('createFetcher: timeouts', () => {
  it('stops waiting for a slow response when aborted', async () => {
    mock = createMockSite({ timeoutMs: 60_000 });
    mock.site.intercept({ path: '/slow.html' }).reply(200, 'late', { headers: HTML }).delay(60_000);
    const controller = new AbortController();
    const pending = mock.fetcher.fetch(`${SITE}/slow.html`, { signal: controller.signal });
    await settle();
    controller.abort('SIGINT');
    const result = await pending;
    expect(result).toMatchObject({ kind: 'failed', attempts: 1 });
    if (result.kind === 'failed') expect(result.error.cause).toBe('SIGINT');
  });

  it('fails a response whose headers come too late with a TimeoutError', async () => {
    mock = createMockSite({ timeoutMs: 50, retries: 0 });
    mock.site.intercept({ path: '/slow.html' }).reply(200, 'late', { headers: HTML }).delay(2_000);
    const result = await mock.fetcher.fetch(`${SITE}/slow.html`);
    expect(result.kind).toBe('failed');
    if (result.kind !== 'failed') return;
    expect(result.error).toBeInstanceOf(TimeoutError);
    expect(result.error.message).toMatch(/50 ms waiting for the headers/);
  });

  it('retries a timeout', async () => {
    mock = createMockSite({ timeoutMs: 50, retries: 1 });
    mock.site.intercept({ path: '/slow.html' }).reply(200, 'late', { headers: HTML }).delay(2_000);
    mock.site.intercept({ path: '/slow.html' }).reply(200, 'in time', { headers: HTML });
    const result = await mock.fetcher.fetch(`${SITE}/slow.html`);
    expect(result.kind).toBe('ok');
    if (result.kind === 'ok') expect(result.body.toString()).toBe('in time');
  });
});
