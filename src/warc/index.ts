/** The WARC stage (ISO 28500 files): record every exchange of a crawl, read responses back. */
export { payloadDigest } from './digest.js';
export { findRecord } from './find.js';
export {
  isOwnWarcFileName,
  isWarcFileName,
  PARTIAL_COPY_SUFFIX,
  PAYLOAD_INDEX_FILE,
  renderCrawlStamp,
  renderWarcFileName,
  toWarcDir,
  WARC_DIR,
} from './file-name.js';
export { readWarcFile, type ReadWarcOptions, type ReadWarcFileOptions } from './read-file.js';
export { listWarcFiles, readWarcResponses } from './reader.js';
export { PROFILE_IDENTICAL, PROFILE_NOT_MODIFIED } from './records.js';
export type { KnownPayload, KnownPayloads, RevisitTarget, StoredResponse, WarcWriter, WrittenRecord } from './types.js';
export { DEFAULT_MAX_WARC_FILE_BYTES, openWarcWriter, type WarcWriterOptions } from './writer.js';
