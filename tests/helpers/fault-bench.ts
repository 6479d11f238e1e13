/**
 * The bench of the fault scenarios: one loopback server whose site and fault hook can be switched,
 * an archive made by a clean crawl of yesterday's site (the newest articles not yet online, none of
 * the changes made), which every scenario starts from, and an in-process crawl rig. One server for
 * everything, because the archive remembers URLs with their port: both crawls must see one origin.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generateSite, type Site, type SiteOptions } from '../../scripts/site/generate-site.js';
import { serveSite, type ServeOptions, type ServedSite } from '../../scripts/site/serve-site.js';
import { takeCensus, type ArchiveCensus } from './fault-archive.js';
import { createCrawlRig, type CrawlRig, type InProcessResult } from './fault-crawl.js';
import { createSeededRandom } from './fault-schedule.js';

/** What a bench is built from (tests/faults/plan.ts FAULT_SITE). */
export interface BenchPlan {
  readonly articles: number;
  readonly archivedBefore: number;
  readonly mutated: number;
  readonly seed: string;
  readonly pageBytes: readonly [number, number];
}

export interface FaultBench {
  /** The site as it is now: `articles` articles, `mutated` of the archived ones changed. */
  readonly site: Site;
  readonly served: ServedSite;
  readonly rig: CrawlRig;
  /** Ids of the `articles` news articles, oldest first. */
  readonly articleIds: readonly string[];
  /** Ids of the archived articles that changed since the clean crawl. */
  readonly mutatedIds: ReadonlySet<string>;
  /** What every fresh archive holds: the clean crawl's archive, read once. */
  readonly yesterday: ArchiveCensus;
  /** Replaces the server's fault hook (undefined: every request answered normally). */
  setFaults(faults: ServeOptions['faults'] | undefined): void;
  /** A new archive folder holding a copy of the clean crawl's archive. */
  freshArchive(): Promise<string>;
  /** Crawls the site into `out` with the given extra flags (and a bound on its duration, see CrawlRig). */
  crawl(out: string, flags: readonly string[], boundMs?: number): Promise<InProcessResult>;
  close(): Promise<void>;
}

/**
 * Serves yesterday's site (the `articles - archivedBefore` newest answer 404: not yet published; no
 * article changed), crawls it cleanly into a template archive, then switches to today's site. Pages
 * keep their bytes between the two, so today's crawl gets 304s for what did not change.
 */
export async function openFaultBench(plan: BenchPlan, cleanFlags: readonly string[]): Promise<FaultBench> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'beauvais-faults-'));
  const base: SiteOptions = { seed: plan.seed, pageBytes: plan.pageBytes };
  const random = createSeededRandom(`${plan.seed}/mutated`);
  const mutatedIds = new Set<string>();
  while (mutatedIds.size < plan.mutated) mutatedIds.add(String(1000 + Math.floor(random() * plan.archivedBefore)));
  const site = generateSite({ ...base, articles: plan.articles, versions: Object.fromEntries([...mutatedIds].map((id) => [id, 1])) });
  const before = generateSite({ ...base, articles: plan.articles });
  const unpublished = new Set(before.articlePaths().slice(plan.archivedBefore));
  let current: Pick<Site, 'route'> = { route: (p, headers) => (unpublished.has(p) ? null : before.route(p, headers)) };
  let faults: ServeOptions['faults'] | undefined;
  const served = await serveSite(
    { route: (pathAndQuery, headers) => current.route(pathAndQuery, headers) },
    { faults: (req, ctx) => faults?.(req, ctx) },
  );
  const rig = createCrawlRig(served.url);
  const crawl = (out: string, flags: readonly string[], boundMs?: number) => rig.run(['crawl', '--base-url', served.url, '--out', out, ...flags], boundMs);

  const template = path.join(root, 'template');
  const clean = await crawl(template, cleanFlags);
  if (clean.code !== 0) throw new Error(`the clean crawl of the template archive exited ${clean.code}:\n${clean.stderr}`);
  const yesterday = await takeCensus(template);
  current = site;
  let archives = 0;

  return {
    site,
    served,
    rig,
    articleIds: [...site.articles()].map((a) => a.id),
    mutatedIds,
    yesterday,
    setFaults(next) {
      faults = next;
    },
    async freshArchive() {
      const out = path.join(root, `archive-${++archives}`);
      await cp(template, out, { recursive: true });
      return out;
    },
    crawl,
    async close() {
      await rig.close();
      await served.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
