/**
 * Crashes: the real CLI, killed with SIGKILL at seeded moments of a crawl (when the server receives
 * its Nth request, or right after the crawl printed its Nth record, i.e. just after writing a file),
 * then run again on the same archive, twenty times; then once more to the end. After every kill the
 * files must all parse; after the last run the archive must be whole: every article once, a readable
 * state, no temporary file, no lock. Each rerun must take over the dead run's lock at once.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSite } from '../../scripts/site/generate-site.js';
import { serveSite, type ServedSite } from '../../scripts/site/serve-site.js';
import { countFigures, failedUrls, readState, takeCensus } from '../helpers/fault-archive.js';
import { createSeededRandom, seededShuffle } from '../helpers/fault-schedule.js';
import { runCli, startCli, type RunningCli } from '../helpers/run-cli.js';
import { CRASHES, EXPECTED, FAULT_SITE } from './plan.js';

/** A child process competes with the test for two cores: a long timeout, so only the kills interrupt it. */
const FLAGS = ['--delay', '0', '--concurrency', '8', '--timeout', '10000', '--retries', '1', '--json'];
/** Kill points stay early in a run, so that every run still has articles to write when it dies. */
const MAX_REQUEST = 45;
const MAX_RECORD = 8;

const site = generateSite({ articles: CRASHES.articles, seed: CRASHES.seed, pageBytes: FAULT_SITE.pageBytes });
const articleIds = [...site.articles()].map((a) => a.id);
let served: ServedSite;
let root: string;
/** Called with every request the server receives (the request trigger of the current run). */
let onRequest: (() => void) | undefined;

beforeAll(async () => {
  served = await serveSite(site, { faults: () => (onRequest?.(), undefined) });
  root = await mkdtemp(path.join(os.tmpdir(), 'beauvais-crashes-'));
});
afterAll(async () => {
  await served?.close();
  await rm(root, { recursive: true, force: true });
});

/** Kills `run` when the server has received `n` requests of it. */
function killOnRequest(run: RunningCli, n: number): void {
  let seen = 0;
  onRequest = () => {
    if (++seen === n) run.child.kill('SIGKILL');
  };
}

/** Kills `run` as soon as it has printed `n` records (one per article file written). */
function killOnRecord(run: RunningCli, n: number): void {
  let lines = 0;
  run.child.stdout?.on('data', (chunk: string) => {
    lines += chunk.split('\n').length - 1;
    if (lines >= n) run.child.kill('SIGKILL');
  });
}

describe(`${CRASHES.kills} SIGKILLs, each followed by another run`, () => {
  it('leaves an archive that parses at every crash point and is whole after the last run', async () => {
    const out = path.join(root, 'archive');
    const args = ['crawl', '--base-url', served.url, '--out', out, ...FLAGS];
    const random = createSeededRandom(CRASHES.seed);
    const kinds = seededShuffle([...Array<'request'>(CRASHES.onRequest).fill('request'), ...Array<'record'>(CRASHES.onRecord).fill('record')], random);
    let survived = 0;
    let killedPid: number | undefined;

    for (const kind of kinds) {
      const run = startCli(args);
      if (kind === 'request') killOnRequest(run, 1 + Math.floor(random() * MAX_REQUEST));
      else killOnRecord(run, 1 + Math.floor(random() * MAX_RECORD));
      const result = await run.done;
      onRequest = undefined;
      expect(result.signal, `crash point ${survived + 1} (${kind}) was not reached:\n${result.stderr}`).toBe('SIGKILL');
      // The run before this one was killed too: its lock was taken over at once, not after 30 s.
      if (killedPid !== undefined) expect(result.stderr).toContain(`removed the archive lock left by process ${killedPid}`);
      killedPid = run.child.pid;
      const census = await takeCensus(out);
      expect(census.unreadable).toEqual([]);
      expect(countFigures(census, articleIds).duplicated).toBe(EXPECTED.duplicated);
      survived += 1;
    }
    expect(survived).toBe(CRASHES.kills);

    const last = await runCli(args);
    expect(last.code, last.stderr).toBe(EXPECTED.exitAfterRecovery);
    expect(last.stderr).toContain(`removed the archive lock left by process ${killedPid}`);
    const census = await takeCensus(out);
    expect(census.unreadable).toEqual([]);
    expect(census.strays).toEqual([]);
    expect(countFigures(census, articleIds)).toEqual({
      expected: CRASHES.articles,
      archived: CRASHES.articles,
      lost: EXPECTED.lost,
      duplicated: EXPECTED.duplicated,
    });
    const { state, tornTail } = await readState(out);
    expect(tornTail).toBe(false);
    expect(failedUrls(state)).toEqual([]);
    // The state knows every archived file, and no file it does not know.
    expect(new Set([...state.articles.values()].map((facts) => facts.path))).toEqual(new Set(census.entries.keys()));
  }, 240_000);
});
