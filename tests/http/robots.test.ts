import { afterEach, describe, expect, it } from 'vitest';
import { RobotsUnavailableError } from '../../src/errors.js';
import { allowAllPolicy, fetchRobots, parseRobots } from '../../src/http/robots.js';
import { renderUserAgent } from '../../src/http/user-agent.js';
import { BASE, createMockSite, SITE, type MockSite } from './helpers/mock-site.js';

const ROBOTS_URL = `${SITE}/robots.txt`;
const UA = renderUserAgent('1.2.3');

/** Joomla's default robots.txt (SITE.md), with a sitemap line. */
const JOOMLA_DEFAULT = `# If the Joomla site is installed within a folder
User-agent: *
Disallow: /administrator/
Disallow: /cache/
Disallow: /components/
Disallow: /includes/
Disallow: /tmp/
Sitemap: https://www.beauvais.fr/sitemap.xml
`;

describe('parseRobots', () => {
  it.each([
    ['/actualites/prochainement-a-beauvais/3750-le-2e-marche-nocturne.html', true],
    ['/administrator/index.php', false],
    ['/components/com_content/x.php', false],
    ['/cache/page.html', false],
    ['/administrator', true],
  ])('Joomla defaults: %s → allowed %s', (path, allowed) => {
    expect(parseRobots(ROBOTS_URL, JOOMLA_DEFAULT, UA).isAllowed(`${SITE}${path}`)).toBe(allowed);
  });

  it('lets the longest matching rule win, Allow over Disallow', () => {
    const policy = parseRobots(ROBOTS_URL, 'User-agent: *\nDisallow: /actualites/\nAllow: /actualites/prochainement\n', UA);
    expect(policy.isAllowed(`${SITE}/actualites/prochainement-a-beauvais/1-a.html`)).toBe(true);
    expect(policy.isAllowed(`${SITE}/actualites/archives/2-b.html`)).toBe(false);
  });

  it('lets Allow win a tie of equal length', () => {
    const policy = parseRobots(ROBOTS_URL, 'User-agent: *\nDisallow: /page\nAllow: /page\n', UA);
    expect(policy.isAllowed(`${SITE}/page.html`)).toBe(true);
  });

  it.each([
    ['/docs/bulletin.pdf', false],
    ['/docs/bulletin.pdf?download=1', true],
    ['/actualites/1-a.html?tmpl=component&print=1', false],
    ['/actualites/1-a.html', true],
  ])('wildcards * and $: %s → allowed %s', (path, allowed) => {
    const policy = parseRobots(ROBOTS_URL, 'User-agent: *\nDisallow: /*.pdf$\nDisallow: /*?tmpl=component\n', UA);
    expect(policy.isAllowed(`${SITE}${path}`)).toBe(allowed);
  });

  it('follows the group of our product token, matched without case, over the * group', () => {
    const text = 'User-agent: *\nDisallow: /\nCrawl-delay: 10\n\nUser-agent: Beauvais-Archive\nDisallow: /prive/\nCrawl-delay: 2.5\n';
    const policy = parseRobots(ROBOTS_URL, text, UA);
    expect(policy.isAllowed(`${SITE}/actualites/1-a.html`)).toBe(true);
    expect(policy.isAllowed(`${SITE}/prive/x.html`)).toBe(false);
    expect(policy.crawlDelayMs).toBe(2_500);
  });

  it('falls back to the * group and its Crawl-delay', () => {
    const policy = parseRobots(ROBOTS_URL, 'User-agent: googlebot\nDisallow: /\n\nUser-agent: *\nDisallow: /tmp/\nCrawl-delay: 3\n', UA);
    expect(policy.isAllowed(`${SITE}/actualites/1-a.html`)).toBe(true);
    expect(policy.crawlDelayMs).toBe(3_000);
  });

  it('has no Crawl-delay when the file gives none', () => {
    expect(parseRobots(ROBOTS_URL, JOOMLA_DEFAULT, UA).crawlDelayMs).toBeUndefined();
  });

  it('lists the Sitemap lines as absolute URLs', () => {
    const text = `${JOOMLA_DEFAULT}Sitemap: /index.php?option=com_xmap&view=xml\n`;
    expect(parseRobots(ROBOTS_URL, text, UA).sitemaps).toEqual([
      'https://www.beauvais.fr/sitemap.xml',
      'https://www.beauvais.fr/index.php?option=com_xmap&view=xml',
    ]);
  });

  it('judges the www-less twin and the other scheme by the same rules', () => {
    const policy = parseRobots(ROBOTS_URL, JOOMLA_DEFAULT, UA);
    expect(policy.isAllowed('http://beauvais.fr/administrator/')).toBe(false);
    expect(policy.isAllowed('http://beauvais.fr/actualites/1-a.html')).toBe(true);
  });

  it('always allows robots.txt itself', () => {
    expect(parseRobots(ROBOTS_URL, 'User-agent: *\nDisallow: /\n', UA).isAllowed(ROBOTS_URL)).toBe(true);
  });

  it('reads a file that starts with a byte order mark', () => {
    expect(parseRobots(ROBOTS_URL, '\uFEFFUser-agent: *\nDisallow: /\n', UA).isAllowed(`${SITE}/a.html`)).toBe(false);
  });

  it('allows everything under --ignore-robots', () => {
    const policy = allowAllPolicy();
    expect(policy.isAllowed(`${SITE}/administrator/`)).toBe(true);
    expect(policy).toMatchObject({ crawlDelayMs: undefined, sitemaps: [], source: 'ignored' });
  });
});

describe('fetchRobots', () => {
  let mock: MockSite;
  afterEach(async () => {
    await mock.agent.close();
  });

  it('parses a robots.txt served with 200', async () => {
    mock = createMockSite();
    mock.site.intercept({ path: '/robots.txt' }).reply(200, JOOMLA_DEFAULT, { headers: { 'content-type': 'text/plain' } });
    const policy = await fetchRobots(mock.fetcher, BASE, UA);
    expect(policy.source).toBe('robots.txt');
    expect(policy.isAllowed(`${SITE}/administrator/`)).toBe(false);
  });

  it.each([404, 401, 403, 410])('allows everything when robots.txt answers %i (RFC 9309: unavailable)', async (status) => {
    mock = createMockSite();
    mock.site.intercept({ path: '/robots.txt' }).reply(status, 'no');
    const policy = await fetchRobots(mock.fetcher, BASE, UA);
    expect(policy.source).toBe('unavailable');
    expect(policy.isAllowed(`${SITE}/administrator/`)).toBe(true);
  });

  it.each([500, 503, 429])('throws RobotsUnavailableError when robots.txt answers %i after the retries', async (status) => {
    mock = createMockSite({ retries: 2 });
    mock.site.intercept({ path: '/robots.txt' }).reply(status, 'down').times(3);
    await expect(fetchRobots(mock.fetcher, BASE, UA)).rejects.toBeInstanceOf(RobotsUnavailableError);
    mock.agent.assertNoPendingInterceptors();
  });

  it('throws RobotsUnavailableError when the site is unreachable', async () => {
    mock = createMockSite({ retries: 0 });
    mock.site.intercept({ path: '/robots.txt' }).replyWithError(new Error('getaddrinfo ENOTFOUND www.beauvais.fr'));
    await expect(fetchRobots(mock.fetcher, BASE, UA)).rejects.toBeInstanceOf(RobotsUnavailableError);
  });

  it('never follows a redirect to another host: robots.txt is then unavailable (allow all, RFC 9309 §2.3.1.2)', async () => {
    mock = createMockSite();
    mock.site.intercept({ path: '/robots.txt' }).reply(301, '', { headers: { location: 'https://cdn.example/beauvais/robots.txt' } });
    const other = mock.agent.get('https://cdn.example');
    other.intercept({ path: '/beauvais/robots.txt' }).reply(200, 'User-agent: *\nDisallow: /prive/\n');
    const policy = await fetchRobots(mock.fetcher, BASE, UA);
    expect(policy.source).toBe('unavailable');
    expect(policy.isAllowed(`${SITE}/prive/a.html`)).toBe(true);
    // The other host's interceptor is still pending: it was never requested.
    expect(mock.agent.pendingInterceptors().map((i) => i.origin)).toEqual(['https://cdn.example']);
  });

  it('treats endless redirects as no robots.txt (RFC 9309 §2.3.1.2)', async () => {
    mock = createMockSite();
    mock.site.intercept({ path: '/robots.txt' }).reply(302, '', { headers: { location: '/robots.txt?again' } });
    mock.site.intercept({ path: '/robots.txt?again' }).reply(302, '', { headers: { location: '/robots.txt' } });
    const policy = await fetchRobots(mock.fetcher, BASE, UA);
    expect(policy.source).toBe('unavailable');
    expect(policy.isAllowed(`${SITE}/a.html`)).toBe(true);
  });
});
