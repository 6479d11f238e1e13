/**
 * Faults in what the server says rather than how: a corrupt gzip stream, redirect loops, redirects to
 * another host, error templates and empty articles served with status 200, all of the faults at
 * once, and a robots.txt that answers 503. Same judgement as the transport faults (run-scenario.ts); numbers in plan.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countFigures, takeCensus } from '../helpers/fault-archive.js';
import { openFaultBench, type FaultBench } from '../helpers/fault-bench.js';
import { CRAWL_FLAGS, EXPECTED, FAULT_SITE, ROBOTS_UNAVAILABLE, SCENARIOS } from './plan.js';
import { checkScenario } from './run-scenario.js';

const CONTENT = new Set(['corrupt-gzip', 'redirect-loop', 'redirect-off-site', 'error-page', 'mixed']);

let bench: FaultBench;
beforeAll(async () => {
  bench = await openFaultBench(FAULT_SITE, CRAWL_FLAGS);
}, 120_000);
afterAll(async () => {
  await bench?.close();
});

describe('crawls under content faults', () => {
  for (const scenario of SCENARIOS.filter((s) => CONTENT.has(s.id))) {
    it(`${scenario.id}: ${scenario.pages} of ${FAULT_SITE.articles} pages hit, nothing lost, nothing duplicated`, () => checkScenario(bench, scenario), 120_000);
  }

  it(`robots.txt answering ${ROBOTS_UNAVAILABLE.status}: nothing else is fetched, the run says why and exits ${ROBOTS_UNAVAILABLE.exitFaulted}; the next run archives everything`, async () => {
    const out = await bench.freshArchive();
    bench.setFaults((req) => (req.url === '/robots.txt' ? { status: ROBOTS_UNAVAILABLE.status, headers: { 'retry-after': '1' } } : undefined));
    bench.served.resetLog();
    const refused = await bench.crawl(out, CRAWL_FLAGS);
    expect(refused.code).toBe(ROBOTS_UNAVAILABLE.exitFaulted);
    expect(refused.stderr).toMatch(/robots\.txt at \S+ is unavailable \(HTTP 503[^)]*\).*nothing was fetched/);
    expect(new Set(bench.served.requests.map((r) => r.url))).toEqual(new Set(['/robots.txt']));
    expect((await takeCensus(out)).entries).toEqual(bench.yesterday.entries);

    bench.setFaults(undefined);
    const next = await bench.crawl(out, CRAWL_FLAGS);
    expect(next.code, next.stderr).toBe(EXPECTED.exitAfterRecovery);
    const census = await takeCensus(out);
    expect(census.unreadable).toEqual([]);
    expect(countFigures(census, bench.articleIds)).toEqual({
      expected: FAULT_SITE.articles,
      archived: FAULT_SITE.articles,
      lost: EXPECTED.lost,
      duplicated: EXPECTED.duplicated,
    });
  }, 120_000);
});
