/**
 * The README's "Reliability" section states what this suite injects and asserts: its table must be
 * exactly the one plan.ts renders, and its prose must quote plan.ts's numbers, so that changing one
 * without the other fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CRAWL_FLAGS, FAULT_SITE, renderReliabilityTable } from './plan.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = /\n## Reliability\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';

describe('README, Reliability', () => {
  it('comes right after "Exit codes"', () => {
    expect(readme.indexOf('\n## Reliability\n')).toBeGreaterThan(readme.indexOf('\n## Exit codes\n'));
    expect(readme.slice(readme.indexOf('\n## Exit codes\n') + 1).match(/\n## [^\n]+/)?.[0]).toBe('\n## Reliability');
  });

  it('shows the table of tests/faults/plan.ts, verbatim', () => {
    expect(section).toContain(renderReliabilityTable());
  });

  it('quotes the site, the archive and the options the scenarios use', () => {
    expect(section).toContain(`generated Joomla site of ${FAULT_SITE.articles} articles`);
    expect(section).toContain(`(${FAULT_SITE.archivedBefore} articles, before ${FAULT_SITE.mutated} of them changed)`);
    expect(section).toContain(`\`${CRAWL_FLAGS.join(' ')}\``);
    expect(section).toContain(`all ${FAULT_SITE.articles} articles archived exactly once`);
  });
});
