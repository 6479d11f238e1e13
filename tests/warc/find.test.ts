import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { payloadDigest } from '../../src/warc/digest.js';
import { toWarcDir } from '../../src/warc/file-name.js';
import { findRecord } from '../../src/warc/find.js';
import { openWarcWriter } from '../../src/warc/writer.js';
import { htmlExchange, makeTempOut } from './helpers.js';

const SITE = 'https://www.beauvais.fr';

let out: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ out, cleanup } = await makeTempOut()));
afterEach(() => cleanup());

async function writePages() {
  const writer = await openWarcWriter({ dir: toWarcDir(out), crawlStart: new Date('2026-11-26T10:00:00Z'), software: 'beauvais-archive/0.1.0', crawlOptions: {} });
  const a = await writer.writeExchange(htmlExchange(`${SITE}/a.html`, '<p>Article A</p>'));
  const b = await writer.writeExchange(htmlExchange(`${SITE}/b.html`, '<p>Article B</p>'));
  const copy = await writer.writeExchange(htmlExchange(`${SITE}/copy-of-a.html`, '<p>Article A</p>'));
  await writer.close();
  return { a, b, copy };
}

describe('findRecord', () => {
  test('finds the response a front matter names, with a payload its digest matches', async () => {
    const { b } = await writePages();
    const found = await findRecord(out, b);
    expect(found?.recordId).toBe(b.recordId);
    expect(found?.url).toBe(`${SITE}/b.html`);
    expect(found?.body.toString('utf8')).toBe('<p>Article B</p>');
    // What `verify` checks: the stored payload still has the digest recorded with it.
    expect(found?.payloadDigest).toBe(payloadDigest(found?.body ?? Buffer.alloc(0)));
  });

  test('finds a revisit, which points at the response holding the payload', async () => {
    const { a, copy } = await writePages();
    const found = await findRecord(out, copy);
    expect(found?.kind).toBe('revisit');
    expect(found?.revisit?.recordId).toBe(a.recordId);
  });

  test('a damaged payload no longer matches its digest', async () => {
    const { a } = await writePages();
    const file = path.join(out, a.file);
    // Rewrite the file uncompressed with one byte of the body changed (same length).
    const plain = gunzipSync(await readFile(file));
    const at = plain.indexOf('Article A');
    plain[at] = 'a'.charCodeAt(0);
    await writeFile(file, plain);
    const found = await findRecord(out, a);
    expect(found?.body.toString('utf8')).toBe('<p>article A</p>');
    expect(found?.payloadDigest).not.toBe(payloadDigest(found?.body ?? Buffer.alloc(0)));
  });

  test.each([
    ['an unknown record id', (ref: { file: string }) => ({ file: ref.file, recordId: '<urn:uuid:00000000-0000-4000-8000-000000000000>' })],
    ['a missing file', () => ({ file: 'warc/19990101T000000Z-00000.warc.gz', recordId: '<urn:uuid:00000000-0000-4000-8000-000000000000>' })],
    ['a path outside the archive', (ref: { recordId: string }) => ({ file: '../elsewhere.warc.gz', recordId: ref.recordId })],
    ['a folder', (ref: { recordId: string }) => ({ file: 'warc', recordId: ref.recordId })],
  ])('returns null for %s', async (_name, makeRef) => {
    const { a } = await writePages();
    expect(await findRecord(out, makeRef(a))).toBeNull();
  });
});
