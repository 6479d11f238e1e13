/**
 * The fault-injection plan: every number the suite injects and asserts lives here, once. The README's
 * "Reliability" table is `renderReliabilityTable()` pasted verbatim, and tests/faults/readme.test.ts
 * fails when the two drift apart, so the README cannot promise what the suite does not check.
 */
import type { FaultKind } from '../helpers/fault-schedule.js';

/** One full crawl under one kind of fault, then a clean run. */
export interface FaultScenario {
  /** The test name. */
  readonly id: string;
  /** What the server does, for the README. */
  readonly fault: string;
  readonly kinds: readonly FaultKind[];
  /** Article pages hit (seeded choice among all of them): the rate is pages / FAULT_SITE.articles. */
  readonly pages: number;
  /** Exit code of the run under faults: 3 when pages failed, 0 when the faulted pages were only skipped. */
  readonly exitFaulted: 0 | 3;
}

/**
 * The site every fault scenario crawls: `articles` news articles, of which the archive already holds
 * the `archivedBefore` oldest (a clean crawl of yesterday's site, when the newest were not online yet),
 * `mutated` of those changed since: faults hit new, updated and unchanged articles alike.
 */
export const FAULT_SITE = {
  articles: 200,
  archivedBefore: 185,
  mutated: 6,
  seed: 'faults-2026',
  pageBytes: [12_000, 24_000],
} as const;

/** Half the pages hit fail on every attempt of the faulted run; the others only on the first one. */
export const PERSISTENT_SHARE = 0.5;

/** Options of every crawl of the suite: short timeout, one retry, no delay, so faults cost little. */
export const CRAWL_FLAGS = ['--delay', '0', '--concurrency', '8', '--timeout', '1500', '--retries', '1'] as const;

/** What the suite asserts after every scenario's clean run. */
export const EXPECTED = { lost: 0, duplicated: 0, exitAfterRecovery: 0 } as const;

/** The fault scenarios, in the README's order. */
export const SCENARIOS: readonly FaultScenario[] = [
  { id: '5xx-bursts', fault: '500, 502 and 503 bursts (1 or 2 in a row per page)', kinds: ['5xx'], pages: 24, exitFaulted: 3 },
  {
    id: '429-retry-after',
    fault: '429 with `Retry-After` 1–5 s ahead, in seconds or as an HTTP-date',
    kinds: ['429-seconds', '429-date'],
    pages: 20,
    exitFaulted: 3,
  },
  { id: 'hang', fault: 'no answer, or headers then silence, past `--timeout`', kinds: ['hang'], pages: 10, exitFaulted: 3 },
  { id: 'reset', fault: 'connection reset before the answer or in the middle of the body', kinds: ['reset'], pages: 16, exitFaulted: 3 },
  { id: 'short-body', fault: 'body shorter than its `Content-Length`', kinds: ['short-body'], pages: 16, exitFaulted: 3 },
  { id: 'corrupt-gzip', fault: '`Content-Encoding: gzip` with a corrupt stream', kinds: ['corrupt-gzip'], pages: 16, exitFaulted: 3 },
  { id: 'redirect-loop', fault: 'redirect loop (A → A?loop=1 → A)', kinds: ['redirect-loop'], pages: 12, exitFaulted: 3 },
  {
    id: 'redirect-off-site',
    fault: 'redirect to another host (`localhost` for `127.0.0.1`): skipped, never followed',
    kinds: ['redirect-off-site'],
    pages: 12,
    exitFaulted: 0,
  },
  {
    id: 'error-page',
    fault: '200 with the "Page introuvable" template, or the article with an empty body',
    kinds: ['error-page'],
    pages: 16,
    exitFaulted: 3,
  },
  {
    id: 'mixed',
    fault: 'all of the above at once',
    kinds: ['5xx', '429-seconds', '429-date', 'hang', 'reset', 'short-body', 'corrupt-gzip', 'redirect-loop', 'redirect-off-site', 'error-page'],
    pages: 40,
    exitFaulted: 3,
  },
];

/** robots.txt answering 503: the run fetches nothing else and exits 1; the next run archives everything. */
export const ROBOTS_UNAVAILABLE = { status: 503, exitFaulted: 1 } as const;

/** Crashes: a crawl of a fresh archive killed again and again, then run to the end. */
export const CRASHES = {
  articles: 200,
  seed: 'crashes-2026',
  /** SIGKILLs in all, each followed by another run on the same archive. */
  kills: 20,
  /** Of which: killed when the server receives its Nth request (N seeded)… */
  onRequest: 12,
  /** …and killed right after the crawl printed its Nth new record (a file just written). */
  onRecord: 8,
} as const;

/** SIGINT in the middle of a crawl: the summary, the state saved, exit 130, and the next run completes. */
export const INTERRUPT = { exit: 130 } as const;

/** Article pages hit by the fault scenarios, all together. */
export function totalPagesHit(): number {
  return SCENARIOS.reduce((sum, s) => sum + s.pages, 0);
}

/** The README's table, built from the numbers above. */
export function renderReliabilityTable(): string {
  const tail = `${EXPECTED.exitAfterRecovery} | ${EXPECTED.lost} | ${EXPECTED.duplicated} |`;
  const rows = [
    '| fault injected (seeded) | article pages hit | exit code, faulted run | exit code, next run | articles lost | duplicates |',
    '| --- | --- | --- | --- | --- | --- |',
    ...SCENARIOS.map((s) => `| ${s.fault} | ${s.pages} of ${FAULT_SITE.articles} | ${s.exitFaulted} | ${tail}`),
    `| robots.txt answers ${ROBOTS_UNAVAILABLE.status}: nothing else is fetched | none (robots.txt only) | ${ROBOTS_UNAVAILABLE.exitFaulted} | ${tail}`,
    `| SIGKILL at ${CRASHES.kills} seeded moments (${CRASHES.onRequest} on a request, ${CRASHES.onRecord} just after a file is written), a run after each | ${CRASHES.kills} crash points survived (${CRASHES.articles} articles) | killed | ${tail}`,
    `| SIGINT in the middle of a crawl | none; the pages not reached go first in the next run | ${INTERRUPT.exit} | ${tail}`,
    `| **in all** | **${totalPagesHit()} pages hit in ${SCENARIOS.length} faulted crawls, ${CRASHES.kills} crashes survived** | | | **${EXPECTED.lost}** | **${EXPECTED.duplicated}** |`,
  ];
  return `${rows.join('\n')}\n`;
}
