/**
 * One fault scenario, end to end: copy yesterday's archive, crawl the site while the server breaks
 * the seeded victim pages, judge the archive; crawl again with the server healed, judge it again.
 * What is judged is what the archive's owner would notice: the exit code, the files (each parses,
 * each article once, no good file replaced by an error page), the state, and whom the crawl contacted.
 */
import { expect } from 'vitest';
import type { ArchiveEntry } from '../../src/archive/types.js';
import { countFigures, failedUrls, readState, takeCensus, type ArchiveCensus } from '../helpers/fault-archive.js';
import type { FaultBench } from '../helpers/fault-bench.js';
import { createFaultHook, pickVictims, recoversInRun, type HookEvent, type Victim } from '../helpers/fault-schedule.js';
import { CRAWL_FLAGS, EXPECTED, FAULT_SITE, PERSISTENT_SHARE, type FaultScenario } from './plan.js';

/** The paragraph the generated site adds to a changed article: its presence proves the current version. */
const CURRENT_VERSION_MARK = 'Mise à jour (version 1)';
/** Text of an error page, which must never reach an archive file. */
const ERROR_TEXT = /Page introuvable|n’existe pas ou a été déplacée/;

/** Runs `scenario` on `bench` and asserts everything the README promises about it. */
export async function checkScenario(bench: FaultBench, scenario: FaultScenario): Promise<void> {
  const { site, served, rig } = bench;
  const articles = [...site.articles()].map((a) => ({ path: a.path, id: a.id }));
  const idOfPath = new Map(articles.map((a) => [a.path, a.id]));
  const victims = pickVictims(articles, {
    count: scenario.pages,
    kinds: scenario.kinds,
    seed: `${FAULT_SITE.seed}/${scenario.id}`,
    persistentShare: PERSISTENT_SHARE,
  });
  const offSiteOrigin = served.url.replace('127.0.0.1', 'localhost');
  const hook = createFaultHook(victims, { clock: rig.clock, offSiteOrigin, isArticlePath: (p) => site.isArticlePath(p) });
  bench.setFaults(hook.faults);
  const out = await bench.freshArchive();
  const { yesterday } = bench;
  try {
    // The faulted run.
    served.resetLog();
    const faulted = await bench.crawl(out, CRAWL_FLAGS);
    const afterFaults = await takeCensus(out);
    expect(faulted.code, faulted.stderr).toBe(scenario.exitFaulted);
    if (scenario.exitFaulted === 3) expect(faulted.stderr).toMatch(/will be retried by the next run/);
    expectEveryVictimHit(hook.events, victims);
    expectRetryAfterHonoured(hook.events, victims);
    expectSoundArchive(afterFaults);
    expectServedPagesArchived(hook.events, idOfPath, afterFaults, bench.mutatedIds);
    expectGoodFilesKept(yesterday, afterFaults, victims, bench.mutatedIds);
    expectOnlyTheSiteContacted(bench);

    // The next run, the server healed.
    hook.enabled = false;
    served.resetLog();
    const recovery = await bench.crawl(out, CRAWL_FLAGS);
    const healed = await takeCensus(out);
    expect(recovery.code, recovery.stderr).toBe(EXPECTED.exitAfterRecovery);
    expectSoundArchive(healed);
    expect(countFigures(healed, bench.articleIds)).toEqual({
      expected: FAULT_SITE.articles,
      archived: FAULT_SITE.articles,
      lost: EXPECTED.lost,
      duplicated: EXPECTED.duplicated,
    });
    for (const id of bench.mutatedIds) expect(entryOf(healed, id)?.markdown).toContain(CURRENT_VERSION_MARK);
    expect(failedUrls((await readState(out)).state)).toEqual([]);
    expectOnlyTheSiteContacted(bench);
  } finally {
    bench.setFaults(undefined);
  }
}

function entryOf(census: ArchiveCensus, id: string): ArchiveEntry | undefined {
  const file = census.filesById.get(id)?.[0];
  return file === undefined ? undefined : census.entries.get(file);
}

/** The seeded choice really broke as many pages as the plan says. */
function expectEveryVictimHit(events: readonly HookEvent[], victims: readonly Victim[]): void {
  const hit = new Set(events.filter((e) => e.action !== 'pass').map((e) => e.path));
  expect(hit.size).toBe(victims.length);
}

/** After a 429, the next request for that page came no sooner than Retry-After said (on the crawl's clock). */
function expectRetryAfterHonoured(events: readonly HookEvent[], victims: readonly Victim[]): void {
  for (const victim of victims.filter((v) => v.kind === '429-seconds' || v.kind === '429-date')) {
    const mine = events.filter((e) => e.path === victim.path);
    for (let i = 1; i < mine.length; i++) {
      const previous = mine[i - 1] as HookEvent;
      // An HTTP-date has whole seconds: the wait it asks for may be up to one second shorter.
      const slackMs = victim.kind === '429-date' ? 1000 : 0;
      expect((mine[i] as HookEvent).at - previous.at).toBeGreaterThanOrEqual((previous.retryAfterSeconds ?? 0) * 1000 - slackMs);
    }
  }
}

/** Every file parses, nothing is left half-written or set aside, the lock is gone. */
function expectSoundArchive(census: ArchiveCensus): void {
  expect(census.unreadable).toEqual([]);
  expect(census.strays).toEqual([]);
  for (const [file, entry] of [...census.entries, ...census.history]) {
    expect(`${entry.title}\n${entry.markdown}`, file).not.toMatch(ERROR_TEXT);
  }
}

/** Every article the server answered normally (200 or 304) during the run is archived, at its current version. */
function expectServedPagesArchived(
  events: readonly HookEvent[],
  idOfPath: ReadonlyMap<string, string>,
  census: ArchiveCensus,
  mutatedIds: ReadonlySet<string>,
): void {
  const served = new Set(events.filter((e) => e.action === 'pass').map((e) => idOfPath.get(e.path)));
  for (const id of served) {
    if (id === undefined) continue;
    expect(census.filesById.get(id), `article ${id} was served but is not archived once`).toHaveLength(1);
    if (mutatedIds.has(id)) expect(entryOf(census, id)?.markdown).toContain(CURRENT_VERSION_MARK);
  }
}

/**
 * Yesterday's files are intact unless the article really changed: a fault never replaces a good
 * file, and a page that failed this run is not archived from a broken answer.
 */
function expectGoodFilesKept(yesterday: ArchiveCensus, today: ArchiveCensus, victims: readonly Victim[], mutatedIds: ReadonlySet<string>): void {
  for (const [file, before] of yesterday.entries) {
    const after = today.entries.get(file) ?? entryOf(today, before.id);
    expect(after, `${file} disappeared`).toBeDefined();
    if (!mutatedIds.has(before.id)) expect(after).toEqual(before);
  }
  for (const victim of victims.filter((v) => !recoversInRun(v))) {
    const before = entryOf(yesterday, victim.id);
    expect(entryOf(today, victim.id), `article ${victim.id} (${victim.kind})`).toEqual(before);
  }
}

/** Only the test server was contacted: by the guard dispatcher, and by the Host of every request it logged. */
function expectOnlyTheSiteContacted(bench: FaultBench): void {
  expect(bench.rig.guard.refused).toEqual([]);
  const host = new URL(bench.served.url).host;
  expect(bench.served.requests.filter((r) => r.headers.host !== host)).toEqual([]);
}
