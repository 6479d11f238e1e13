/**
 * `rebuild`, media part: the files the rebuilt articles link to, restored from the WARC files' own
 * captures of them (a crawl with `--media --warc` records every media exchange). One pass over the
 * files: each capture of a linked URL is checked like a download (Content-Type, magic bytes) and
 * kept by the archive store under `media/` (one file per content); redirects and identical-payload
 * revisits are followed; each URL gets its latest capture.
 */
import type { ArchiveStore, MediaRef } from '../archive/types.js';
import { parseHref } from '../discover/urls.js';
import { REDIRECT_STATUSES } from '../http/headers.js';
import type { Logger } from '../log.js';
import { discoverMedia, type MediaCandidate } from '../media/discover.js';
import { confirmFormat, isCompatibleType, mediaNameOf } from '../media/types.js';
import { readWarcResponses, type StoredResponse } from '../warc/index.js';

const MAX_HOPS = 5;

/** URL → the file restored for it, for the media of the rebuilt articles. */
export type RestoredMedia = ReadonlyMap<string, Omit<MediaRef, 'url'>>;

/** Restores, from `files`, the media the given article bodies link to; returns what each URL gave. */
export async function restoreMedia(
  files: readonly string[],
  markdowns: Iterable<string>,
  base: URL,
  store: ArchiveStore,
  logger: Logger,
): Promise<RestoredMedia> {
  const wanted = new Map<string, MediaCandidate>();
  for (const markdown of markdowns) for (const candidate of discoverMedia(markdown, base)) wanted.set(candidate.url, candidate);
  const latest = new Map<string, { date: string; file: Omit<MediaRef, 'url'> }>();
  const byDigest = new Map<string, Omit<MediaRef, 'url'>>();
  const redirects = new Map<string, string>();
  // The redirects of wanted URLs alone: every other capture is looked up in them, not in all redirects.
  const wantedRedirects = new Map<string, string>();
  const revisits: StoredResponse[] = [];
  if (wanted.size === 0) return new Map();
  for await (const stored of readWarcResponses(files, { logger })) {
    if (REDIRECT_STATUSES.has(stored.status) && stored.headers['location']) {
      const target = parseHref(stored.headers['location'], stored.url);
      if (target) redirects.set(stored.url, target.href);
      if (target && wanted.has(stored.url)) wantedRedirects.set(stored.url, target.href);
      continue;
    }
    const candidate = wanted.get(stored.url) ?? wantedTarget(stored.url, wanted, wantedRedirects);
    if (!candidate) continue;
    if (stored.kind === 'revisit') {
      revisits.push(stored);
      continue;
    }
    if (stored.status !== 200 || !isCompatibleType(stored.headers['content-type'], candidate.format)) continue;
    const file = await keep(stored, candidate, store);
    if (!file) continue;
    if (stored.payloadDigest) byDigest.set(stored.payloadDigest, file);
    const seen = latest.get(stored.url);
    if (!seen || seen.date <= stored.date) latest.set(stored.url, { date: stored.date, file });
  }
  for (const revisit of revisits) {
    const file = revisit.payloadDigest ? byDigest.get(revisit.payloadDigest) : undefined;
    const seen = latest.get(revisit.url);
    if (file && (!seen || seen.date <= revisit.date)) latest.set(revisit.url, { date: revisit.date, file });
  }
  const restored = new Map<string, Omit<MediaRef, 'url'>>();
  for (const url of wanted.keys()) {
    let current = url;
    for (let hop = 0; hop < MAX_HOPS && !latest.has(current) && redirects.has(current); hop++) current = redirects.get(current)!;
    const found = latest.get(current);
    if (found) restored.set(url, found.file);
  }
  if (restored.size > 0) logger.info(`media: ${restored.size} of ${wanted.size} linked file(s) restored from the WARC files`);
  return restored;
}

/** The media of one rebuilt body that were restored, in body order; undefined when none were. */
export function mediaOf(markdown: string, base: URL, restored: RestoredMedia): MediaRef[] | undefined {
  const media = discoverMedia(markdown, base).flatMap((c) => {
    const file = restored.get(c.url);
    return file ? [{ url: c.url, ...file }] : [];
  });
  return media.length > 0 ? media : undefined;
}

/** A capture's body kept under media/ when its bytes are the format its link promised. */
async function keep(stored: StoredResponse, candidate: MediaCandidate, store: ArchiveStore): Promise<Omit<MediaRef, 'url'> | undefined> {
  const format = confirmFormat(stored.body, candidate.format);
  if (!format) return undefined;
  const write = store.media.open();
  await new Promise<void>((resolve, reject) => {
    write.stream.once('error', reject);
    write.stream.end(stored.body, resolve);
  });
  const kept = await write.commit(mediaNameOf(new URL(stored.url)), format.ext);
  return { path: kept.path, sha256: kept.sha256, type: format.types[0]!, bytes: kept.bytes };
}

/** The wanted candidate that one of `wantedRedirects` (seen so far) leads from to `url`, if any. */
function wantedTarget(url: string, wanted: ReadonlyMap<string, MediaCandidate>, wantedRedirects: ReadonlyMap<string, string>): MediaCandidate | undefined {
  for (const [from, to] of wantedRedirects) if (to === url) return wanted.get(from);
  return undefined;
}
