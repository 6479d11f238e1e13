/**
 * The reading room in a real browser: the site of the fixture archive, opened from the disk (file://)
 * and from a static server on 127.0.0.1, driven in headless Chromium (Debian's `chromium`, which
 * .ci/run installs). Every page visited must log no console error, fail no request, ask nothing of
 * another origin, run no script from an article, and pass axe-core without a serious or critical
 * violation. Screenshots go to test-output/site/.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArchiveFile } from '../../src/archive/front-matter.js';
import { buildSiteArchive, CHANGED_TO, HOSTILE_FILE, serveFolder } from '../helpers/site-archive.js';
import { runCli } from '../helpers/run-cli.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? '/usr/bin/chromium';
const SCREENSHOTS = new URL('../../test-output/site/', import.meta.url);
const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let out: string;
let siteDir: string;
let browser: Browser;
let server: Server;
let httpBase: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is needed for the browser tests and was not found at ${CHROMIUM}: install it (apt-get install -y chromium, as .ci/run does) or set CHROMIUM_PATH`);
  }
  out = await mkdtemp(join(tmpdir(), 'beauvais-site-browser-'));
  await buildSiteArchive(out);
  const built = await runCli(['site', '--out', out]);
  if (built.code !== 0) throw new Error(`site failed (${built.code}): ${built.stderr}`);
  siteDir = join(out, 'site');
  ({ server, url: httpBase } = await serveFolder(siteDir));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  await mkdir(SCREENSHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  if (out) await rm(out, { recursive: true, force: true });
});

/** A page that records what would make the site wrong: console errors, failed or foreign requests, dialogs. */
async function openPage(base: string, colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ colorScheme });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`failed request: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(base)) problems.push(`request outside the site: ${r.url()}`);
  });
  page.on('dialog', (d) => {
    problems.push(`dialog opened: ${d.message()}`);
    void d.dismiss();
  });
  return { page, problems };
}

/** axe-core's serious and critical violations on the current page. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return (await axe.run({ resultTypes: ['violations'], preload: false })).violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return results.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`);
}

/** The titles of the archive files of one month folder. */
async function titlesOfMonth(year: string, month: string): Promise<string[]> {
  const dir = join(out, year, month);
  const names = (await readdir(dir)).filter((n) => n.endsWith('.md'));
  return Promise.all(names.map(async (n) => parseArchiveFile(await readFile(join(dir, n), 'utf8')).title));
}

describe.each([
  ['file://', () => pathToFileURL(`${siteDir}/`).href],
  ['http://127.0.0.1', () => httpBase],
])('the site opened from %s', (scheme, baseOf) => {
  const shot = (name: string) => new URL(`${scheme.startsWith('file') ? 'file' : 'http'}-${name}.png`, SCREENSHOTS).pathname;

  it('shows the timeline chart and the latest articles on the home page', async () => {
    const base = baseOf();
    const { page, problems } = await openPage(base);
    await page.goto(`${base}index.html`);
    const chart = page.locator('main figure.timeline svg');
    await expect(chart.isVisible()).resolves.toBe(true);
    expect(await chart.locator('title').first().textContent()).toBe('Articles par mois');
    const bars = chart.locator('a');
    expect(await bars.count()).toBeGreaterThan(3);
    expect(await page.locator('#derniers + ul li').count()).toBe(11);
    await page.screenshot({ path: shot('home'), fullPage: true });
    await bars.first().click();
    await expect(page.locator('main h1').textContent()).resolves.toMatch(/^Articles de \S+ \d{4}$/);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${base}index.html`);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('is read with the keyboard alone, and in the dark scheme', async () => {
    const base = baseOf();
    const { page, problems } = await openPage(base, 'dark');
    await page.goto(`${base}index.html`);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Aller au contenu');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('contenu');
    // Tab onwards until a bar of the chart has the focus, then open its month with Enter.
    let label: string | null = null;
    for (let i = 0; i < 40 && !label?.includes(' : '); i += 1) {
      await page.keyboard.press('Tab');
      label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);
    }
    expect(label).toMatch(/^\S+ \d{4} : \d+ articles?$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/\d{4}\/\d{2}\/index\.html$/);
    await expect(page.locator('main h1').textContent()).resolves.toBe(`Articles de ${label?.split(' : ')[0]}`);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('finds an article by a word typed without its accent, and the result opens it', async () => {
    const base = baseOf();
    const { page, problems } = await openPage(base);
    await page.goto(`${base}2018/index.html`);
    await page.locator('#q-header').fill('mediatheque dimanche');
    await page.locator('#q-header').press('Enter');
    await page.waitForURL(/recherche\.html\?q=/);
    const results = page.locator('#search-results li a');
    await results.first().waitFor();
    expect(await results.allTextContents()).toEqual(['La médiathèque ouvre le dimanche']);
    await expect(page.locator('#search-status').textContent()).resolves.toBe('1 article trouvé.');
    expect(await axeViolations(page)).toEqual([]);
    await results.first().click();
    await expect(page.locator('main h1').textContent()).resolves.toBe('La médiathèque ouvre le dimanche');
    await page.screenshot({ path: shot('article'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    // Printed, the page keeps the article and drops the menus and the search box.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('main h1').isVisible()).resolves.toBe(true);
    await expect(page.locator('header nav').isVisible()).resolves.toBe(false);
    await expect(page.locator('form[role=search]').first().isVisible()).resolves.toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${base}recherche.html?q=${encodeURIComponent('PHOTAUM')}`);
    await page.waitForFunction(() => document.getElementById('search-status')?.textContent?.endsWith('trouvé.'));
    expect(await results.allTextContents()).toEqual(['Les Photaumnales 2018']);
    await page.locator('#q').fill('zzzzqqq');
    await page.waitForFunction(() => document.getElementById('search-status')?.textContent?.startsWith('Aucun article'));
    expect(await results.count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('lists exactly the month\'s articles on a month page', async () => {
    const base = baseOf();
    const { page, problems } = await openPage(base);
    await page.goto(`${base}2018/06/index.html`);
    const listed = await page.locator('main ul.articles li a.article-link').allTextContents();
    expect(listed.sort()).toEqual((await titlesOfMonth('2018', '06')).sort());
    expect(listed.length).toBe(2);
    expect(problems).toEqual([]);
  });

  it('shows the words a change brought on the history page', async () => {
    const base = baseOf();
    const { page, problems } = await openPage(base);
    await page.goto(`${base}2018/03/2018-03-05-travaux-rue-de-la-madeleine.html`);
    await page.getByRole('link', { name: /Historique/ }).click();
    const inserted = (await page.locator('main .diff ins').allTextContents()).join(' ');
    const removed = (await page.locator('main .diff del').allTextContents()).join(' ');
    expect(inserted).toContain('prolongés');
    expect(removed).toContain('23');
    expect(CHANGED_TO).toContain('prolongés');
    await page.screenshot({ path: shot('history'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('shows an article\'s HTML and scripts as text, never running them', async () => {
    const base = baseOf();
    const { page, problems } = await openPage(base);
    await page.goto(`${base}${HOSTILE_FILE.replace(/\.md$/, '.html')}`);
    await expect(page.locator('main h1').textContent()).resolves.toBe('<script>window.__pwned = 1</script> alert(1)');
    expect(await page.locator('main .article-body').textContent()).toContain('<script>window.__pwned = 4</script>');
    expect(await page.locator('main script, main iframe, main img, aside img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
