/**
 * Runs page analysis (parse, links, extraction) on worker threads, so that a crawl uses every core:
 * the main thread keeps the network and the archive busy while the workers parse. With one core,
 * or when running from the TypeScript sources (tests: there is no compiled worker file), the same
 * function runs in-process.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { analysePage, type PageAnalysis, type PageInput } from './analyse-page.js';

export interface Analyser {
  analyse(input: PageInput): Promise<PageAnalysis>;
  close(): Promise<void>;
}

const WORKER_FILE = new URL('./analyse-worker.js', import.meta.url);
const WORKER_HEAP = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 } as const;

/** A pool of `threads` workers (default: one per core); in-process when that is 1 or no worker file exists. */
export async function createAnalyser(threads = availableParallelism()): Promise<Analyser> {
  if (threads < 2 || !existsSync(fileURLToPath(WORKER_FILE))) {
    return { analyse: async (input) => analysePage(input), close: async () => {} };
  }
  const { Piscina } = await import('piscina');
  const pool = new Piscina<PageInput, PageAnalysis>({
    filename: WORKER_FILE.href,
    minThreads: threads,
    maxThreads: threads,
    // Workers must not keep a finished crawl alive.
    idleTimeout: 1_000,
    // Parsing makes much short-lived garbage; a small heap per worker is collected early instead of
    // growing the process for a whole crawl (peak RSS is a target of the benchmark).
    resourceLimits: WORKER_HEAP,
  });
  return {
    // A page too big for a worker's heap (or a worker that died) is analysed again in-process.
    analyse: (input) => pool.run(input).catch(() => analysePage(input)),
    close: () => pool.destroy(),
  };
}
