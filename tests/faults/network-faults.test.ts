/**
 * Transport faults: full crawls of the generated site while the server answers 5xx and 429, hangs,
 * resets connections and cuts bodies short. Each scenario is judged twice: after the
 * faulted run (exit code, nothing lost that was served, no good file replaced) and after a clean run
 * (every article archived exactly once, nothing left marked failed). See plan.ts for the numbers.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { openFaultBench, type FaultBench } from '../helpers/fault-bench.js';
import { CRAWL_FLAGS, FAULT_SITE, SCENARIOS } from './plan.js';
import { checkScenario } from './run-scenario.js';

const TRANSPORT = new Set(['5xx-bursts', '429-retry-after', 'hang', 'reset', 'short-body']);

let bench: FaultBench;
beforeAll(async () => {
  bench = await openFaultBench(FAULT_SITE, CRAWL_FLAGS);
}, 120_000);
afterAll(async () => {
  await bench?.close();
});

describe('crawls under transport faults', () => {
  for (const scenario of SCENARIOS.filter((s) => TRANSPORT.has(s.id))) {
    it(`${scenario.id}: ${scenario.pages} of ${FAULT_SITE.articles} pages hit, nothing lost, nothing duplicated`, () => checkScenario(bench, scenario), 120_000);
  }
});
