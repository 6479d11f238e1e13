/** The payloads earlier runs stored, so a new run writes revisits instead of the same page again. */
import { stat } from 'node:fs/promises';
import { toRelativeInside } from '../archive/atomic-write.js';
import { payloadDigest } from './digest.js';
import { toWarcDir } from './file-name.js';
import type { ReadWarcOptions } from './read-file.js';
import { readWarcResponses } from './reader.js';
import type { KnownPayload } from './types.js';

/**
 * Payload digest → the first intact response that stored it, from the WARC files under `<out>/warc`
 * (empty when there are none yet). Only payloads whose stored digest checks out are trusted.
 */
export async function readKnownPayloads(outDir: string, options: ReadWarcOptions = {}): Promise<Map<string, KnownPayload>> {
  const known = new Map<string, KnownPayload>();
  const dir = toWarcDir(outDir);
  if (!(await stat(dir).catch(() => null))?.isDirectory()) return known;
  for await (const stored of readWarcResponses(dir, options)) {
    if (stored.kind !== 'response' || stored.body.length === 0) continue;
    const digest = payloadDigest(stored.body);
    if (stored.payloadDigest !== digest || known.has(digest)) continue;
    known.set(digest, { url: stored.url, date: stored.date, recordId: stored.recordId, file: toRelativeInside(outDir, stored.file) });
  }
  return known;
}
