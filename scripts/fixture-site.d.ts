/** Types of scripts/fixture-site.js for the TypeScript tests. */
import type { LoggedRequest } from './site/serve-site.js';

export type { LoggedRequest };
export interface FixtureSite {
  url: string;
  port: number;
  /** Every request, in arrival order (serve-site.js's log); empty it with `requests.length = 0`. */
  requests: LoggedRequest[];
  setPage(path: string, content: string | Buffer): void;
  removePage(path: string): void;
  close(): Promise<void>;
}
export function serveFixtureSite(options?: { root?: string }): Promise<FixtureSite>;
