/** Shared pieces of the archive tests: articles, temp folders, a fake clock, a recording logger. */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openArchive } from '../../src/archive/store.js';
import type { Clock } from '../../src/clock.js';
import type { Article } from '../../src/extract/types.js';
import { silentLogger, type Logger } from '../../src/log.js';

/** An article as the extractor would give it; the content hash follows the Markdown. */
export function makeArticle(overrides: Partial<Article> = {}): Article {
  const markdown = overrides.markdown ?? 'L’association des Villes Internet a dévoilé hier le palmarès.';
  return {
    id: '3750',
    url: 'https://www.beauvais.fr/actualites/3750-beauvais-labellisee.html',
    title: 'Beauvais labellisée 5 arobases pour la 5ème année consécutive',
    publishedAt: '2017-12-08T00:30:00+01:00',
    updatedAt: null,
    dateSource: 'time[datetime]',
    section: 'Actualités',
    initiatives: [{ heading: 'Parmi les dernières initiatives', items: ['le wifi public', 'la e-administration'] }],
    text: markdown,
    contentHash: `sha256:${createHash('sha256').update(markdown).digest('hex')}`,
    ...overrides,
    markdown,
  };
}

/** A fresh folder in the system temp dir, and its removal. */
export async function makeTempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'beauvais-archive-test-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A clock whose time the test sets; sleeping returns at once. */
export function fakeClock(startIso = '2026-11-26T10:00:00.000Z'): Clock & { set(iso: string): void } {
  let now = Date.parse(startIso);
  return {
    now: () => now,
    sleep: async () => {},
    set: (iso: string) => {
      now = Date.parse(iso);
    },
  };
}

/** A logger that keeps every line, by level. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    error: (m) => lines.push(`error: ${m}`),
    warn: (m) => lines.push(`warn: ${m}`),
    info: (m) => lines.push(`info: ${m}`),
    debug: (m) => lines.push(`debug: ${m}`),
  };
}

/**
 * Every file and folder under `dir` (relative POSIX paths) with its inode, size and mtime. The lock
 * folder is left out: proper-lockfile refreshes its mtime on its own while the store is open.
 */
export async function treeState(dir: string): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  const walk = async (sub: string): Promise<void> => {
    for (const entry of await readdir(path.join(dir, sub), { withFileTypes: true })) {
      if (sub === '' && entry.name === '.lock') continue;
      const relative = sub ? `${sub}/${entry.name}` : entry.name;
      const info = await stat(path.join(dir, relative));
      result.set(relative, `${info.ino}:${info.size}:${info.mtimeMs}`);
      if (entry.isDirectory()) await walk(relative);
    }
  };
  await walk('');
  return result;
}

/** Sets every file's and folder's times far in the past, so that any later write shows in its mtime. */
export async function ageTree(dir: string): Promise<void> {
  const past = new Date('2001-01-01T00:00:00Z');
  for (const relative of (await treeState(dir)).keys()) await utimes(path.join(dir, relative), past, past);
  await utimes(dir, past, past);
}

/**
 * An archive in `dir` holding one article ("2017/12/2017-12-08-un.md") and a copy of it with no date
 * to file it under ("2017/12/2017-12-08-sans-date.md": no publishedAt, a firstSeenAt that is no date).
 */
export async function writeArchiveWithUndatedFile(dir: string): Promise<void> {
  const store = await openArchive(dir, { clock: fakeClock(), logger: silentLogger });
  await store.save({ article: makeArticle({ id: '1', title: 'Un', markdown: 'un' }), fetchedAt: '2026-11-26T10:00:00.000Z', aliases: [] });
  await store.close();
  const text = await readFile(path.join(dir, '2017', '12', '2017-12-08-un.md'), 'utf8');
  const undated = text.replace(/^publishedAt: .*$/m, 'publishedAt: null').replace(/^firstSeenAt: .*$/m, 'firstSeenAt: "un jour"');
  await writeFile(path.join(dir, '2017', '12', '2017-12-08-sans-date.md'), undated);
}
