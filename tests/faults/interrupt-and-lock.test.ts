/**
 * Interruptions and the lock, with the real CLI: SIGINT in the middle of a crawl (summary printed,
 * state saved, exit 130, the pages it had not reached fetched first by the next run), two crawls
 * started at once on one archive (one runs, the other exits 1 and says why), and the lock of a
 * SIGKILLed crawl taken over at once by the next one (its owner is dead: no 30-second wait).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateSite } from '../../scripts/site/generate-site.js';
import { serveSite, type ServedSite } from '../../scripts/site/serve-site.js';
import { failedUrls, readState, takeCensus } from '../helpers/fault-archive.js';
import { startCli, type RunningCli } from '../helpers/run-cli.js';
import { CRASHES, FAULT_SITE, INTERRUPT } from './plan.js';

const FLAGS = ['--delay', '0', '--concurrency', '8', '--timeout', '10000', '--retries', '1'];
const site = generateSite({ articles: CRASHES.articles, seed: CRASHES.seed, pageBytes: FAULT_SITE.pageBytes });
let served: ServedSite;
let root: string;
let out: string;
/** Called with the path of every request the server receives. */
let onRequest: ((url: string) => void) | undefined;

beforeAll(async () => {
  served = await serveSite(site, { faults: (req) => (onRequest?.(req.url ?? '/'), undefined) });
  root = await mkdtemp(path.join(os.tmpdir(), 'beauvais-interrupt-'));
});
afterAll(async () => {
  await served?.close();
  await rm(root, { recursive: true, force: true });
});
let runs = 0;
beforeEach(() => {
  out = path.join(root, `archive-${++runs}`);
  onRequest = undefined;
});

const crawl = () => startCli(['crawl', '--base-url', served.url, '--out', out, ...FLAGS]);

/** Sends `signal` to `run` when the server has received `n` more requests. */
function signalOnRequest(run: RunningCli, n: number, signal: NodeJS.Signals): void {
  let seen = 0;
  onRequest = () => {
    if (++seen === n) run.child.kill(signal);
  };
}

describe('interruptions', () => {
  it(`SIGINT: the summary is printed, the state saved, exit ${INTERRUPT.exit}; the next run fetches the pages not reached first`, async () => {
    const first = crawl();
    signalOnRequest(first, 40, 'SIGINT');
    const stopped = await first.done;
    expect(stopped.code).toBe(INTERRUPT.exit);
    expect(stopped.stderr).toMatch(/crawl \(interrupted by SIGINT\) summary: fetched \d+/);

    const census = await takeCensus(out);
    const { state, tornTail } = await readState(out);
    expect(tornTail).toBe(false);
    expect(census.unreadable).toEqual([]);
    expect(census.strays).toEqual([]);
    // Saved: every file written is in the state, and the articles not reached are remembered.
    expect(new Set([...state.articles.values()].map((f) => f.path))).toEqual(new Set(census.entries.keys()));
    const pending = failedUrls(state).filter((line) => line.includes('interrupted'));
    const pendingPaths = pending.map((line) => new URL(line.split(' ')[0] as string).pathname);
    // Every article (the sitemap listed them all before the signal) is archived or to be fetched first.
    const archivedIds = new Set([...census.entries.values()].map((e) => e.id));
    const forgotten = [...site.articles()].filter((a) => !archivedIds.has(a.id) && !pendingPaths.includes(a.path));
    expect(forgotten.map((a) => a.path)).toEqual([]);

    const requested: string[] = [];
    const next = crawl();
    onRequest = (url) => {
      if (site.isArticlePath(url)) requested.push(url);
      if (requested.length === 8) next.child.kill('SIGINT');
    };
    expect((await next.done).code).toBe(INTERRUPT.exit);
    expect(requested.slice(0, 8).filter((url) => !pendingPaths.includes(url))).toEqual([]);
  }, 60_000);
});

describe('the lock', () => {
  it('two crawls started at once on one archive: one runs, the other exits 1 and says another crawl is running', async () => {
    const a = crawl();
    const b = crawl();
    const loser = await Promise.race([a.done.then(() => a), b.done.then(() => b)]);
    const winner = loser === a ? b : a;
    const lost = await loser.done;
    expect(lost.code).toBe(1);
    expect(lost.stderr).toMatch(/another crawl is running on this archive/);
    // The winner is still crawling; it stops cleanly when asked.
    expect(winner.child.exitCode).toBeNull();
    winner.child.kill('SIGINT');
    expect((await winner.done).code).toBe(INTERRUPT.exit);
  }, 60_000);

  it('the lock of a SIGKILLed crawl does not block the next one: it is taken over at once', async () => {
    const killed = crawl();
    signalOnRequest(killed, 20, 'SIGKILL');
    expect((await killed.done).signal).toBe('SIGKILL');

    const next = crawl();
    signalOnRequest(next, 20, 'SIGINT');
    const result = await next.done;
    expect(result.stderr).toContain(`removed the archive lock left by process ${killed.child.pid}, which is no longer running`);
    expect(result.code).toBe(INTERRUPT.exit);
  }, 60_000);
});
