/** The package version, read once from package.json next to dist/ (no bundler, no copy to keep in sync). */
import { readFileSync } from 'node:fs';

/** The version in package.json, e.g. "0.1.0". */
export function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
