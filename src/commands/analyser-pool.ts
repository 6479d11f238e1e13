/**
 * Runs page analysis (parse, links, extraction) on worker threads, so that a crawl uses every core:
 * the main thread keeps the network and the archive busy while the workers parse. With one core,
 * or when running from the TypeScript sources (tests: there is no compiled worker file), the same
 * function runs in-process.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { PageAnalysis, PageInput } from './analyse-page.js';

export interface Analyser {
  analyse(input: PageInput): Promise<PageAnalysis>;
  close(): Promise<void>;
}

const WORKER_FILE = new URL('./analyse-worker.js', import.meta.url);
const WORKER_HEAP = { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 16 } as const;

/**
 * A pool of `threads` workers; in-process when that is 0 or no worker file exists. The default leaves
 * one core to the main thread, which is busy too (HTTP, the frontier, the archive): on two cores one
 * worker crawled as fast as two, with less CPU and memory (README, Performance).
 */
export async function createAnalyser(threads = availableParallelism() - 1): Promise<Analyser> {
  // The parser and extractor are loaded in this thread only when it uses them: a re-crawl that
  // the site answers with 304s never does.
  const inProcess = async (input: PageInput) => (await import('./analyse-page.js')).analysePage(input);
  if (threads < 1 || !existsSync(fileURLToPath(WORKER_FILE))) {
    return { analyse: inProcess, close: async () => {} };
  }
  const { Piscina } = await import('piscina');
  const pool = new Piscina<PageInput, PageAnalysis>({
    filename: WORKER_FILE.href,
    // Threads start with the first page to parse: a re-crawl answered by 304s needs none.
    minThreads: 0,
    maxThreads: threads,
    // Workers must not keep a finished crawl alive.
    idleTimeout: 1_000,
    // Parsing makes much short-lived garbage; a small heap per worker is collected early instead of
    // growing the process for a whole crawl (peak RSS is a target of the benchmark). A young
    // generation of 16 MB holds a page's parse: with 8 MB, its DOM was promoted and the worker spent
    // about 15 % more time per page collecting it. 32 MB of old generation is plenty for one page at
    // a time (64 MB only cost 7 MB more RSS); a page too big for it is analysed in-process.
    resourceLimits: WORKER_HEAP,
  });
  return {
    // A page too big for a worker's heap (or a worker that died) is analysed again in-process.
    analyse: (input) => pool.run(input).catch(() => inProcess(input)),
    close: () => pool.destroy(),
  };
}
