import { MockAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { BodyTooLargeError, OffSiteRedirectError, RobotsUnavailableError } from '../../src/errors.js';
import { openSiteFetcher, type SiteFetcherOptions } from '../../src/http/site-fetcher.js';
import { createFakeClock } from './helpers/fake-clock.js';
import { createRecordingLogger } from './helpers/recording-logger.js';
import { BASE, HTML, SITE, USER_AGENT } from './helpers/mock-site.js';

let agent: MockAgent;
afterEach(async () => {
  await agent.close();
});

function open(overrides: Partial<SiteFetcherOptions> = {}) {
  agent = new MockAgent();
  agent.disableNetConnect();
  const clock = createFakeClock();
  const options: SiteFetcherOptions = {
    site: BASE, userAgent: USER_AGENT, timeoutMs: 1_000, delayMs: 1_000, retries: 0,
    dispatcher: agent, connections: 1, clock, logger: createRecordingLogger(), ...overrides,
  };
  return { site: openSiteFetcher(options), clock, mock: agent.get(SITE) };
}

describe('openSiteFetcher', () => {
  it('spaces the requests by robots.txt’s Crawl-delay when it is the larger gap', async () => {
    const { site, clock, mock } = open();
    mock.intercept({ path: '/robots.txt' }).reply(200, 'User-agent: *\nCrawl-delay: 3\n');
    mock.intercept({ path: '/a.html' }).reply(200, '<p>a</p>', { headers: HTML });
    mock.intercept({ path: '/b.html' }).reply(200, '<p>b</p>', { headers: HTML });
    const robots = await site.readRobots();
    expect(robots).not.toBeInstanceOf(RobotsUnavailableError);
    await site.fetcher.fetch(`${SITE}/a.html`);
    await site.fetcher.fetch(`${SITE}/b.html`);
    // robots.txt, then a.html a second after it (the delay), then b.html three seconds after a.html.
    expect(clock.sleeps).toEqual([1_000, 3_000]);
  });

  it('hands back an unreachable robots.txt as its error', async () => {
    const { site, mock } = open();
    mock.intercept({ path: '/robots.txt' }).reply(503, '');
    expect(await site.readRobots()).toBeInstanceOf(RobotsUnavailableError);
  });

  it('keeps redirects on the site, gives the same fetcher another body cap, and leaves the caller’s dispatcher open', async () => {
    const { site, mock } = open({ delayMs: 0 });
    mock.intercept({ path: '/partenaire.html' }).reply(302, '', { headers: { location: 'https://partner.invalid/' } });
    mock.intercept({ path: '/gros.pdf' }).reply(200, Buffer.alloc(2048), { headers: { 'content-type': 'application/pdf' } });
    const off = await site.fetcher.fetch(`${SITE}/partenaire.html`);
    expect(off.kind === 'failed' && off.error).toBeInstanceOf(OffSiteRedirectError);
    const large = await site.withMaxBodyBytes(1024).fetch(`${SITE}/gros.pdf`, { accept: 'any' });
    expect(large.kind === 'failed' && large.error).toBeInstanceOf(BodyTooLargeError);
    await site.close();
    mock.intercept({ path: '/encore.html' }).reply(200, '<p>encore</p>', { headers: HTML });
    expect((await site.fetcher.fetch(`${SITE}/encore.html`)).kind).toBe('ok');
  });
});
