/**
 * The archive's media files, `<out>/media/<sha256>-<name>.<ext>`: one file per content, whatever
 * URL or article it came from. A file is streamed to a temporary file in `media/` while its SHA-256
 * is computed, flushed to disk, then renamed into place: a run killed mid-download leaves only a
 * temporary file (`media/.part-*`), which the next run's stale-temp sweep removes, never a partial
 * media file. Nothing is held in memory but the first bytes (for the format check).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { readdir, readFile, rename, rm } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import pLimit, { type LimitFunction } from 'p-limit';
import { ArchiveWriteError } from '../errors.js';
import { MAGIC_BYTES } from '../media/types.js';
import { ensureDir, isMissing, resolveInside } from './atomic-write.js';
import { MEDIA_DIR, MEDIA_TEMP_PREFIX, hashOfMediaName } from './media-names.js';
import { toSlug } from './slug.js';

/** A file kept: where, its hash and size. */
export interface StoredMedia {
  /** Relative to `<out>` (POSIX). */
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
}

/** One download in progress: its bytes go into `stream`. */
export interface MediaWrite {
  readonly stream: Writable;
  /** The first bytes received (up to 1024), for the format check. */
  head(): Buffer;
  /** Keeps the file under `media/` (or the identical one already there); the stream must have finished. */
  commit(name: string, ext: string): Promise<StoredMedia>;
  /** Drops the download (removes its temporary file). */
  abort(): Promise<void>;
}

/** The media folder of one archive. */
export interface MediaFiles {
  /** Starts a download; in a dry run the bytes are hashed and dropped. */
  open(): MediaWrite;
  /** The bytes of a kept file (`path` relative to `<out>`), for a WARC record. */
  read(path: string): Promise<Buffer>;
}

/** The media files of `outDir`; the folder is listed once, at the first download. */
export function openMediaFiles(outDir: string, dryRun: boolean): MediaFiles {
  const dir = resolveInside(outDir, MEDIA_DIR);
  let known: Promise<Map<string, string>> | undefined;
  const index = () => (known ??= listMedia(dir));
  // Commits run one at a time: two downloads of one content at once must give one file, not two.
  const serial = pLimit(1);
  return {
    open: () => createWrite({ outDir, dir, dryRun, index, serial }),
    read: (path) => readFile(resolveInside(outDir, path)),
  };
}

interface WriteContext {
  readonly outDir: string;
  readonly dir: string;
  readonly dryRun: boolean;
  readonly index: () => Promise<Map<string, string>>;
  readonly serial: LimitFunction;
}

function createWrite(ctx: WriteContext): MediaWrite {
  const hash = createHash('sha256');
  const temp = `${ctx.dir}/${MEDIA_TEMP_PREFIX}${randomBytes(8).toString('hex')}`;
  let head = Buffer.alloc(0);
  let bytes = 0;
  let file: WriteStream | undefined;
  let settled = false;
  let complete = false;
  const remove = () => (ctx.dryRun ? Promise.resolve() : rm(temp, { force: true }));
  const stream = new Writable({
    construct(done) {
      if (ctx.dryRun) return done();
      ensureDir(ctx.dir).then(() => {
        // flush: the bytes reach the disk before the file closes, so the rename never keeps an empty file after a crash.
        const opening = createWriteStream(temp, { flags: 'wx', flush: true });
        const failed = (error: Error) => done(new ArchiveWriteError(temp, error));
        opening.once('error', failed).once('open', () => {
          opening.off('error', failed);
          // Later errors reach the write and finish callbacks below; this keeps them from crashing the process.
          opening.on('error', () => undefined);
          file = opening;
          done();
        });
      }, done);
    },
    write(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      if (head.length < MAGIC_BYTES) head = Buffer.concat([head, chunk.subarray(0, MAGIC_BYTES - head.length)]);
      if (!file) return done();
      file.write(chunk, (error) => done(error ? new ArchiveWriteError(temp, error) : null));
    },
    final(done) {
      complete = true;
      if (!file) return done();
      file.end();
      // Settles once the file is closed, and so after the fsync that `flush` asks for first.
      finished(file).then(() => done(), (error: Error) => done(new ArchiveWriteError(temp, error)));
    },
    destroy(error, done) {
      // Destroyed once finished too (autoDestroy): the complete file waits for commit or abort.
      if (complete && !error) return done(null);
      file?.destroy();
      remove().then(() => done(error), () => done(error));
    },
  });
  return {
    stream,
    head: () => head,
    async abort() {
      settled = true;
      stream.destroy();
      await remove();
    },
    commit(name, ext) {
      if (settled) return Promise.reject(new Error('media download already settled'));
      settled = true;
      const sha256 = hash.digest('hex');
      return ctx.serial(() => keep(sha256, name, ext));
    },
  };

  async function keep(sha256: string, name: string, ext: string): Promise<StoredMedia> {
    const index = await ctx.index();
    const existing = index.get(sha256);
    const path = existing ?? `${MEDIA_DIR}/${sha256}-${toSlug(name || 'media', 40)}.${ext}`;
    if (!ctx.dryRun) {
      try {
        if (existing) await rm(temp, { force: true });
        else await rename(temp, resolveInside(ctx.outDir, path));
      } catch (error) {
        await rm(temp, { force: true }).catch(() => undefined);
        throw new ArchiveWriteError(resolveInside(ctx.outDir, path), error);
      }
    }
    index.set(sha256, path);
    return { path, sha256, bytes };
  }
}

/** Hash → path (relative to `<out>`) of the media files present. */
async function listMedia(dir: string): Promise<Map<string, string>> {
  const index = new Map<string, string>();
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if (isMissing(error)) return index;
    throw new ArchiveWriteError(dir, error);
  }
  for (const name of names.sort()) {
    const sha256 = hashOfMediaName(name);
    if (sha256 && !index.has(sha256)) index.set(sha256, `${MEDIA_DIR}/${name}`);
  }
  return index;
}
