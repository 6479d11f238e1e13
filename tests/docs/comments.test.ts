/**
 * Comments and docs speak of the code and its users: none points at a tracker entry by its number
 * instead of saying what the code does. An outside project's issue ("warcio.js issue #4") is a
 * reference a reader can follow, and stays allowed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TRACKER_REFERENCE = /\b(?:issue|ticket)s? \d+\b/giu;

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(?:ts|js|json|md)$/u.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
}

describe('comments and docs', () => {
  it('name no tracker entry of ours', () => {
    const files = [...filesUnder('src'), ...filesUnder('tests'), ...filesUnder('scripts'), ...filesUnder('schema'), 'README.md'];
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) => [...readFileSync(path.join(ROOT, file), 'utf8').matchAll(TRACKER_REFERENCE)].map((m) => `${file}: ${m[0]}`));
    expect(found).toEqual([]);
  });
});
