/** Types of scripts/fixture-site.js for the TypeScript tests. */
export interface LoggedRequest {
  method: string;
  url: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  status: number;
}
export interface FixtureSite {
  url: string;
  port: number;
  requests: LoggedRequest[];
  setPage(path: string, html: string): void;
  removePage(path: string): void;
  close(): Promise<void>;
}
export function serveFixtureSite(options?: { root?: string }): Promise<FixtureSite>;
