/**
 * The WARC writer of one crawl. Files are `<out>/warc/<crawl-start>-<n>.warc.gz`; each starts with
 * a warcinfo record, and a new one is started once the current file has passed `maxFileBytes`.
 *
 * Crash safety: every record is serialised by warcio as its own gzip member, and the members of an
 * exchange (response or revisit, then request) are appended together by one write to a file opened
 * in append mode. Appends are serialised through a promise chain (pages are fetched concurrently),
 * so a crash can leave at most one torn member, at the very end of the last file; the reader stops
 * there with a warning. A failed write is cut back off the file, so no torn member is ever followed
 * by good ones.
 */
import { randomUUID } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { WARCSerializer, type WARCRecord } from 'warcio';
import { ensureDir, toRelativeInside } from '../archive/atomic-write.js';
import { systemClock, type Clock } from '../clock.js';
import { ArchiveWriteError } from '../errors.js';
import type { Exchange } from '../http/types.js';
import { payloadDigest } from './digest.js';
import { renderCrawlStamp, renderWarcFileName } from './file-name.js';
import {
  PROFILE_IDENTICAL,
  PROFILE_NOT_MODIFIED,
  toRequestRecord,
  toResponseRecord,
  toRevisitRecord,
  toWarcinfoRecord,
} from './records.js';
import type { KnownPayload, KnownPayloads, WarcWriter, WrittenRecord } from './types.js';

/** WARC files are rotated once they pass 100 MB, unless `warcMaxFileMB` in `<out>/archive.yaml` says otherwise. */
export const DEFAULT_MAX_WARC_FILE_BYTES = 100 * 1024 * 1024;

export interface WarcWriterOptions {
  /** The WARC folder, normally `<out>/warc` (toWarcDir); created if missing. */
  readonly dir: string;
  readonly crawlStart: Date;
  /** Start a new file once the current one has passed this size. */
  readonly maxFileBytes?: number | undefined;
  /** "name/version" of the tool, for the warcinfo records. */
  readonly software: string;
  readonly crawlOptions: Readonly<Record<string, unknown>>;
  /** Payloads stored by earlier runs (readPayloadIndex): identical payloads become revisits. */
  readonly knownDigests?: KnownPayloads | undefined;
  /** The archive `<out>` that WarcRef paths are relative to; default: the parent of `dir`. */
  readonly outDir?: string | undefined;
  readonly clock?: Clock | undefined;
}

interface OpenFile {
  readonly handle: FileHandle;
  readonly path: string;
  /** Relative to `<out>`, POSIX separators. */
  readonly ref: string;
  bytes: number;
  exchanges: number;
  /** A failed write could not be cut back off: never append to this file again. */
  broken: boolean;
}

/** Opens the WARC writer of a crawl (creates the folder; files are created as records come). */
export async function openWarcWriter(options: WarcWriterOptions): Promise<WarcWriter> {
  const dir = path.resolve(options.dir);
  const outDir = path.resolve(options.outDir ?? path.dirname(dir));
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_WARC_FILE_BYTES;
  const clock = options.clock ?? systemClock;
  const stamp = renderCrawlStamp(options.crawlStart);
  await ensureDir(dir);

  const known = new Map<string, KnownPayload>(options.knownDigests ?? []);
  /** URL → its latest stored payload: what a later 304 refers to. */
  const latestByUrl = new Map<string, KnownPayload>();
  for (const payload of known.values()) rememberUrl(latestByUrl, payload);
  const written: string[] = [];
  let nextIndex = 0;
  let current: OpenFile | null = null;
  let tail: Promise<unknown> = Promise.resolve();
  let closed = false;

  /** Runs `task` after every earlier append: one write at a time, in call order. */
  function enqueue<T>(task: () => Promise<T>): Promise<T> {
    if (closed) return Promise.reject(new ArchiveWriteError(dir, new Error('the WARC writer is closed')));
    const result = tail.then(task);
    tail = result.catch(() => undefined);
    return result;
  }

  async function openNextFile(): Promise<OpenFile> {
    for (;;) {
      const name = renderWarcFileName(stamp, nextIndex++);
      const filePath = path.join(dir, name);
      let handle: FileHandle;
      try {
        // "ax": never append to (or clobber) a file of another run that started the same second.
        handle = await open(filePath, 'ax');
      } catch (cause) {
        if ((cause as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw new ArchiveWriteError(filePath, cause);
      }
      const file: OpenFile = { handle, path: filePath, ref: toRelativeInside(outDir, filePath), bytes: 0, exchanges: 0, broken: false };
      const date = new Date(clock.now()).toISOString();
      const info = toWarcinfoRecord({ fileName: name, date, software: options.software, crawlOptions: options.crawlOptions });
      try {
        await appendMembers(file, [info]);
      } catch (error) {
        await handle.close().catch(() => undefined);
        throw error;
      }
      written.push(file.ref);
      return file;
    }
  }

  async function closeFile(file: OpenFile): Promise<void> {
    try {
      await file.handle.sync();
      await file.handle.close();
    } catch (cause) {
      await file.handle.close().catch(() => undefined);
      throw new ArchiveWriteError(file.path, cause);
    }
  }

  /** Appends the records (one gzip member each) to the current file, rotating first if due. */
  async function append(records: readonly WARCRecord[]): Promise<OpenFile> {
    if (current && (current.broken || (current.exchanges > 0 && current.bytes >= maxFileBytes))) {
      const full = current;
      current = null;
      await closeFile(full);
    }
    current ??= await openNextFile();
    await appendMembers(current, records);
    current.exchanges += 1;
    return current;
  }

  async function writeRevisitOf304(exchange: Exchange, previous: KnownPayload | undefined): Promise<WrittenRecord> {
    const id = newRecordId();
    const file = await append([
      toRevisitRecord(exchange, id, PROFILE_NOT_MODIFIED, previous ?? latestByUrl.get(toTargetUri(exchange.url))),
      toRequestRecord(exchange, newRecordId(), id),
    ]);
    // A 304 carries no payload, so there is no digest to hand back.
    return { file: file.ref, recordId: id, payloadDigest: undefined };
  }

  return {
    writeExchange(exchange) {
      if (exchange.status === 304) return enqueue(() => writeRevisitOf304(exchange, undefined));
      return enqueue(async () => {
        const digest = payloadDigest(exchange.body);
        // An empty payload (a redirect, a 204) is not worth a reference to another record.
        const original = exchange.body.length > 0 ? known.get(digest) : undefined;
        const id = newRecordId();
        const main = original
          ? toRevisitRecord(exchange, id, PROFILE_IDENTICAL, original, digest)
          : toResponseRecord(exchange, id);
        const file = await append([main, toRequestRecord(exchange, newRecordId(), id)]);
        if (!original && exchange.body.length > 0) {
          const stored: KnownPayload = { url: main.warcTargetURI ?? exchange.url, date: main.warcDate ?? exchange.startedAt, recordId: id, file: file.ref };
          known.set(digest, stored);
          rememberUrl(latestByUrl, stored);
        }
        // Handed back so that callers indexing payloads need not hash the body a second time.
        return { file: file.ref, recordId: id, payloadDigest: digest };
      });
    },
    writeNotModified(exchange, previous) {
      return enqueue(() => writeRevisitOf304(exchange, previous));
    },
    knownPayloads: () => new Map(known),
    files: () => [...written],
    async close() {
      if (closed) return;
      closed = true;
      await tail;
      const last = current;
      current = null;
      if (last) await closeFile(last);
    },
  };
}

/** Serialises each record as its own gzip member and appends them all with one write. */
async function appendMembers(file: OpenFile, records: readonly WARCRecord[]): Promise<void> {
  const members: Uint8Array[] = [];
  for (const record of records) members.push(await WARCSerializer.serialize(record, { gzip: true }));
  const data = Buffer.concat(members);
  try {
    let done = 0;
    // write() may write less than asked (a full disk); keep going until all is appended.
    while (done < data.length) done += (await file.handle.write(data, done, data.length - done)).bytesWritten;
    file.bytes += data.length;
  } catch (cause) {
    // Cut the partial member off, so the next append does not follow a torn member.
    await file.handle.truncate(file.bytes).catch(() => {
      file.broken = true;
    });
    throw new ArchiveWriteError(file.path, cause);
  }
}

function newRecordId(): string {
  return `<urn:uuid:${randomUUID()}>`;
}

/** The URL as warcio writes it in WARC-Target-URI (WHATWG-serialised), the key of `latestByUrl`. */
function toTargetUri(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

function rememberUrl(latestByUrl: Map<string, KnownPayload>, payload: KnownPayload): void {
  const seen = latestByUrl.get(payload.url);
  if (!seen || Date.parse(seen.date) <= Date.parse(payload.date)) latestByUrl.set(payload.url, payload);
}
