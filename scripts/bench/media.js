/**
 * Part m, media: the crawl of part b's generated site (latency per response) with `--media` against
 * the same crawl without, alternately, medians of the rounds. The site's article photos are served as
 * JPEG bytes of 40–160 KB, and one in fifty as an 8 MB file: streaming to disk must keep the peak
 * RSS of the crawl with media about that of the crawl without (a file is never held whole).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateSite } from '../site/generate-site.js';
import { etagOf, isNotModified } from '../site/conditional.js';
import { serveSite } from '../site/serve-site.js';
import { failureNote, runNode } from './run-child.js';
import { countFiles } from './snapshot.js';
import { fmtMb, fmtMs, fmtRatio, median } from './stats.js';
import { info, judged, skipped } from './results.js';
import { CLI } from './targets.js';

const CHILD_TIMEOUT_MS = 20 * 60_000;
const PHOTO = /^\/images\/actualites\/(\d+)-photo\.jpg$/;
/** The start of a JPEG (SOI, then an APP0 JFIF segment): what the magic-byte check reads. */
const JPEG_HEAD = Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex');

/**
 * The photo of article `id`: a JPEG head, then filler; 8 MB for one id in fifty, else 40–160 KB.
 * @param {number} id
 */
function photoOf(id) {
  const size = id % 50 === 0 ? 8 * 1024 * 1024 : 40_000 + ((id * 7919) % 120_000);
  const body = Buffer.alloc(size, id % 251);
  JPEG_HEAD.copy(body);
  return body;
}

/**
 * The generated site, its photos served too (ETag, 304), counting the media bytes it sends.
 * @param {import('../site/generate-site.js').Site} site
 */
function withPhotos(site) {
  const sent = { bytes: 0, requests: 0, notModified: 0 };
  return {
    sent,
    route(/** @type {string} */ pathAndQuery, /** @type {Record<string, string | string[] | undefined>} */ headers = {}) {
      const match = PHOTO.exec(pathAndQuery.split('?')[0] ?? '');
      if (!match) return site.route(pathAndQuery, headers);
      sent.requests += 1;
      const body = photoOf(Number(match[1]));
      const etag = etagOf(body);
      if (isNotModified(headers, { etag, lastModified: Date.parse('2024-01-01T00:00:00Z') })) {
        sent.notModified += 1;
        return { status: 304, headers: { etag }, body: Buffer.alloc(0) };
      }
      sent.bytes += body.length;
      return { status: 200, headers: { 'content-type': 'image/jpeg', etag }, body };
    },
  };
}

/**
 * Runs part m.
 * @param {{ articles: number, rounds: number, latencyMs: number, concurrency: number, cliMissing: string | null, log: (line: string) => void }} o
 * @returns {Promise<import('./results.js').Row[]>}
 */
export async function benchMedia(o) {
  if (o.cliMissing) return [skipped('m', 'ours: crawl with media', o.cliMissing)];
  const site = generateSite({ articles: o.articles, seed: 'bench-crawl' });
  const photos = withPhotos(site);
  const served = await serveSite(photos, { latencyMs: o.latencyMs });
  /** @type {Record<'off' | 'on', Array<{ wallMs: number, rssKb: number, requests: number, bytes: number, files: number, code: number | null, note: string }>>} */
  const runs = { off: [], on: [] };
  /** @type {Array<{ wallMs: number, requests: number, notModified: number, bytes: number, code: number | null }>} */
  const again = [];
  try {
    for (let round = 0; round < o.rounds; round++) {
      for (const mode of /** @type {const} */ (['off', 'on'])) {
        const dir = mkdtempSync(path.join(os.tmpdir(), `bench-media-${mode}-`));
        served.resetLog();
        photos.sent.bytes = 0;
        const args = [CLI, 'crawl', '--base-url', served.url, '--out', dir, '--concurrency', String(o.concurrency), '--delay', '0', '--quiet'];
        const run = await runNode(mode === 'on' ? [...args, '--media'] : args, { timeoutMs: CHILD_TIMEOUT_MS });
        const requests = served.requests.length;
        runs[mode].push({
          wallMs: run.wallMs,
          rssKb: run.usage?.maxRssKb ?? Number.NaN,
          requests,
          bytes: photos.sent.bytes,
          files: existsSync(path.join(dir, 'media')) ? countFiles(path.join(dir, 'media'), '.jpg') : 0,
          code: run.code,
          note: run.code === 0 ? '' : failureNote(run),
        });
        o.log(`  m: round ${round + 1}: media ${mode}: ${fmtMs(run.wallMs)}, ${requests} requests, ${photos.sent.bytes} media bytes, exit ${run.code}`);
        if (mode === 'on') {
          // The re-crawl of the unchanged site: every photo should be a 304.
          served.resetLog();
          Object.assign(photos.sent, { bytes: 0, requests: 0, notModified: 0 });
          const second = await runNode([...args, '--media'], { timeoutMs: CHILD_TIMEOUT_MS });
          again.push({ wallMs: second.wallMs, requests: photos.sent.requests, notModified: photos.sent.notModified, bytes: photos.sent.bytes, code: second.code });
          o.log(`  m: round ${round + 1}: re-crawl with media: ${fmtMs(second.wallMs)}, ${photos.sent.notModified}/${photos.sent.requests} photos 304, exit ${second.code}`);
        }
        rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    await served.close();
  }
  const med = (/** @type {'off' | 'on'} */ mode, /** @type {'wallMs' | 'requests' | 'bytes' | 'files'} */ key) => median(runs[mode].map((r) => r[key]));
  const peak = (/** @type {'off' | 'on'} */ mode) => Math.max(...runs[mode].map((r) => r.rssKb));
  const failed = [...runs.off, ...runs.on, ...again].find((r) => r.code !== 0);
  const share304 = again.reduce((n, r) => n + r.notModified, 0) / Math.max(1, again.reduce((n, r) => n + r.requests, 0));
  const rssRatio = peak('on') / peak('off');
  return [
    info('m', 'media site', `part b's site, ${o.articles} articles, ${o.latencyMs} ms latency; ~30 % of articles have a photo (40–160 KB, one in fifty 8 MB)`),
    judged('m', 'ours: crawl exit codes (without, with media, re-crawl)', failed ? ('note' in failed ? failed.note : `exit ${failed.code}`) : '0, 0, 0', '0', !failed),
    info('m', 'without media', `${fmtMs(med('off', 'wallMs'))}, ${med('off', 'requests')} requests, peak RSS ${fmtMb(peak('off'))}`),
    info('m', 'with --media', `${fmtMs(med('on', 'wallMs'))}, ${med('on', 'requests')} requests, ${(med('on', 'bytes') / 1024 / 1024).toFixed(1)} MB of media in ${med('on', 'files')} files, peak RSS ${fmtMb(peak('on'))}`),
    info('m', 'with / without media: wall, requests', `${fmtRatio(med('on', 'wallMs') / med('off', 'wallMs'))}, ${fmtRatio(med('on', 'requests') / med('off', 'requests'))}`),
    judged('m', 'peak RSS with / without media (files streamed to disk)', fmtRatio(rssRatio), '≤ 1.2×', rssRatio <= 1.2),
    judged('m', 're-crawl with media: photo requests answered 304', `${(share304 * 100).toFixed(1)} % (${fmtMs(median(again.map((r) => r.wallMs)))}, ${median(again.map((r) => r.bytes))} media bytes)`, '≥ 95 %', share304 >= 0.95),
  ];
}
