/** The WARC stage's data: what the writer remembers and what the reader hands back. */
import type { WarcRef } from '../archive/types.js';
import type { Exchange } from '../http/types.js';

/** One HTTP response (or revisit) read back from a WARC file. */
export interface StoredResponse {
  /** `WARC-Target-URI`. */
  readonly url: string;
  /** The HTTP status; 0 for a revisit record that carries no HTTP headers. */
  readonly status: number;
  /** HTTP headers, lower-case names, made consistent with `body` (see payload-headers.ts). */
  readonly headers: Readonly<Record<string, string>>;
  /** The payload, de-chunked and decompressed; empty for a revisit. */
  readonly body: Buffer;
  /** `WARC-Date` as written. */
  readonly date: string;
  /** `WARC-Record-ID` ("<urn:uuid:…>"). */
  readonly recordId: string;
  /** The file it was read from, as the reader opened it. */
  readonly file: string;
  readonly kind: 'response' | 'revisit';
  /** `WARC-Payload-Digest`; for our own records it equals `payloadDigest(body)` of the response. */
  readonly payloadDigest: string | null;
  /** A revisit's `WARC-Profile` and what it refers to (null for a response). */
  readonly revisit: RevisitTarget | null;
}

/** What a revisit record points at. */
export interface RevisitTarget {
  /** identical-payload-digest or server-not-modified (WARC 1.1 §6.7). */
  readonly profile: string | null;
  readonly url: string | null;
  readonly date: string | null;
  /** `WARC-Refers-To` (a record id), when the writer knew it. */
  readonly recordId: string | null;
}

/** An earlier response whose payload later identical payloads refer to (deduplication). */
export interface KnownPayload {
  readonly url: string;
  /** Its `WARC-Date`. */
  readonly date: string;
  readonly recordId: string;
  /** Its file, relative to `<out>` (as in WarcRef). */
  readonly file: string;
}

/** Payload digest → the first response that stored that payload. */
export type KnownPayloads = ReadonlyMap<string, KnownPayload>;

/** Where the writer put an exchange's response (or revisit) record, and the payload digest it computed. */
export interface WrittenRecord extends WarcRef {
  /** `payloadDigest(exchange.body)`, computed once by the writer to deduplicate; undefined for a 304. */
  readonly payloadDigest: string | undefined;
}

/** Appends the exchanges of one crawl to `<out>/warc/<crawl-start>-<n>.warc.gz`. */
export interface WarcWriter {
  /**
   * Records a request and its response (a revisit record when the payload was already stored,
   * a server-not-modified revisit for a 304). Returns where the response (or revisit) record is.
   */
  writeExchange(exchange: Exchange): Promise<WrittenRecord>;
  /** Records a 304 as a server-not-modified revisit, pointing at `previous` when known. */
  writeNotModified(exchange: Exchange, previous?: KnownPayload): Promise<WrittenRecord>;
  /** Every payload stored so far, the ones passed in included: hand it to the next run. */
  knownPayloads(): KnownPayloads;
  /** The files written so far, relative to `<out>`, in order. */
  files(): readonly string[];
  /** Waits for pending appends, flushes to disk and closes; later writes are rejected. */
  close(): Promise<void>;
}
