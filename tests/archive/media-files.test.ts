import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeStaleTempFiles } from '../../src/archive/atomic-write.js';
import { openMediaFiles } from '../../src/archive/media-files.js';
import { pdfBytes, pngBytes } from '../helpers/media-bytes.js';

let out: string;
beforeEach(async () => {
  out = await mkdtemp(join(tmpdir(), 'beauvais-media-files-'));
});
afterEach(async () => {
  await rm(out, { recursive: true, force: true });
});

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** Streams `bytes` in small chunks into a new download. */
async function download(media: ReturnType<typeof openMediaFiles>, bytes: Buffer) {
  const write = media.open();
  const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7));
  await pipeline(Readable.from(chunks), write.stream);
  return write;
}

describe('media files', () => {
  it('keeps a file under its SHA-256 and a readable name, with its first bytes for the format check', async () => {
    const media = openMediaFiles(out, false);
    const bytes = pdfBytes('règlement');
    const write = await download(media, bytes);
    expect(write.head().subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const kept = await write.commit('1409 Marché', 'pdf');
    expect(kept).toEqual({ path: `media/${sha(bytes)}-1409-marche.pdf`, sha256: sha(bytes), bytes: bytes.length });
    expect(await readFile(join(out, kept.path))).toEqual(bytes);
    expect(await readdir(join(out, 'media'))).toEqual([`${sha(bytes)}-1409-marche.pdf`]);
  });

  it('stores one file per content, even for two downloads of it at once under two names', async () => {
    const bytes = pngBytes('affiche');
    const media = openMediaFiles(out, false);
    const [a, b] = await Promise.all([download(media, bytes), download(media, bytes)]);
    const [ka, kb] = await Promise.all([a.commit('affiche', 'png'), b.commit('copie', 'png')]);
    expect(kb.path).toBe(ka.path);
    expect(await readdir(join(out, 'media'))).toEqual([`${sha(bytes)}-affiche.png`]);
    // A later run finds it by its name.
    const again = await (await download(openMediaFiles(out, false), bytes)).commit('autre', 'png');
    expect(again.path).toBe(ka.path);
  });

  it('leaves nothing behind for an aborted download, and writes nothing in a dry run', async () => {
    const write = await download(openMediaFiles(out, false), pdfBytes('faux'));
    await write.abort();
    expect(await readdir(join(out, 'media'))).toEqual([]);
    const dry = await download(openMediaFiles(out, true), pdfBytes('x'));
    expect((await dry.commit('x', 'pdf')).sha256).toBe(sha(pdfBytes('x')));
    expect(await readdir(join(out, 'media'))).toEqual([]);
  });

  it('the stale-temp sweep removes a cut download, never a media file', async () => {
    await mkdir(join(out, 'media'));
    const kept = `${'a'.repeat(64)}-photo.jpg`;
    await writeFile(join(out, 'media', kept), 'x');
    await writeFile(join(out, 'media', '.part-0123456789abcdef'), 'half');
    expect(await removeStaleTempFiles(out)).toEqual(['media/.part-0123456789abcdef']);
    expect(await readdir(join(out, 'media'))).toEqual([kept]);
  });
});

describe('media file names', () => {
  it('never leave media/, whatever the URL names the file', async () => {
    const bytes = pdfBytes('x');
    const media = openMediaFiles(out, false);
    for (const name of ['../../../etc/passwd', '..', '/', 'a\0b', '', 'Règlement du marché (2024) — version définitive']) {
      const kept = await (await download(media, Buffer.concat([bytes, Buffer.from(name)]))).commit(name, 'pdf');
      expect(kept.path).toMatch(/^media\/[0-9a-f]{64}-[a-z0-9-]+\.pdf$/);
    }
    expect((await readdir(out)).sort()).toEqual(['media']);
  });
});
