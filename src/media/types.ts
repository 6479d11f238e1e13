/**
 * The kinds of file an article's media may be: what each is called, which Content-Types confirm it
 * and which first bytes ("magic numbers") prove it. Pure data and predicates.
 */
import { toMediaType } from '../http/content-type.js';

/** A file format the archive keeps. `family` groups formats that share their magic bytes. */
export interface MediaFormat {
  /** The extension the archived file gets. */
  readonly ext: string;
  readonly kind: 'image' | 'document';
  readonly family: MediaFamily;
  /** The media types a server may announce for it (beside the generic octet-stream). */
  readonly types: readonly string[];
}

export type MediaFamily = 'jpeg' | 'png' | 'gif' | 'webp' | 'pdf' | 'ole' | 'zip';

const OFFICE_XML = 'application/vnd.openxmlformats-officedocument';
const OPEN_DOCUMENT = 'application/vnd.oasis.opendocument';

/** Formats by the extension a URL ends with (lower case, no dot). */
const BY_EXTENSION: Readonly<Record<string, MediaFormat>> = {
  jpg: { ext: 'jpg', kind: 'image', family: 'jpeg', types: ['image/jpeg', 'image/jpg', 'image/pjpeg'] },
  jpeg: { ext: 'jpg', kind: 'image', family: 'jpeg', types: ['image/jpeg', 'image/jpg', 'image/pjpeg'] },
  png: { ext: 'png', kind: 'image', family: 'png', types: ['image/png'] },
  gif: { ext: 'gif', kind: 'image', family: 'gif', types: ['image/gif'] },
  webp: { ext: 'webp', kind: 'image', family: 'webp', types: ['image/webp'] },
  pdf: { ext: 'pdf', kind: 'document', family: 'pdf', types: ['application/pdf', 'application/x-pdf'] },
  doc: { ext: 'doc', kind: 'document', family: 'ole', types: ['application/msword'] },
  xls: { ext: 'xls', kind: 'document', family: 'ole', types: ['application/vnd.ms-excel'] },
  ppt: { ext: 'ppt', kind: 'document', family: 'ole', types: ['application/vnd.ms-powerpoint'] },
  docx: { ext: 'docx', kind: 'document', family: 'zip', types: [`${OFFICE_XML}.wordprocessingml.document`] },
  xlsx: { ext: 'xlsx', kind: 'document', family: 'zip', types: [`${OFFICE_XML}.spreadsheetml.sheet`] },
  pptx: { ext: 'pptx', kind: 'document', family: 'zip', types: [`${OFFICE_XML}.presentationml.presentation`] },
  odt: { ext: 'odt', kind: 'document', family: 'zip', types: [`${OPEN_DOCUMENT}.text`] },
  ods: { ext: 'ods', kind: 'document', family: 'zip', types: [`${OPEN_DOCUMENT}.spreadsheet`] },
  odp: { ext: 'odp', kind: 'document', family: 'zip', types: [`${OPEN_DOCUMENT}.presentation`] },
  zip: { ext: 'zip', kind: 'document', family: 'zip', types: ['application/zip', 'application/x-zip-compressed'] },
};

/** The image formats, by family: an `<img>` whose URL has no known extension is one of these. */
const IMAGE_BY_FAMILY: Readonly<Record<string, MediaFormat>> = {
  jpeg: BY_EXTENSION['jpg']!,
  png: BY_EXTENSION['png']!,
  gif: BY_EXTENSION['gif']!,
  webp: BY_EXTENSION['webp']!,
};

/** What a server says when it does not know: the bytes decide. */
const GENERIC_TYPES: ReadonlySet<string> = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/download', 'application/force-download']);

/** How many first bytes the checks read. */
export const MAGIC_BYTES = 1024;

/** The last segment of a URL's path, still percent-encoded (`/docs/a.PDF?x=1` → "a.PDF"). */
export function fileNameOf(url: URL): string {
  return url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
}

/** The file's extension in a URL's path, lower case, or "" (`/docs/a.PDF?x=1` → "pdf"). */
function extensionOf(url: URL): string {
  const name = fileNameOf(url);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** The format a URL's extension names, or undefined when it names none the archive keeps. */
export function formatOfUrl(url: URL): MediaFormat | undefined {
  const ext = extensionOf(url);
  return Object.hasOwn(BY_EXTENSION, ext) ? BY_EXTENSION[ext] : undefined;
}

/** Whether a response's Content-Type may hold `expected` (an image of any format when undefined). */
export function isCompatibleType(contentType: string | undefined, expected: MediaFormat | undefined): boolean {
  const type = toMediaType(contentType);
  if (GENERIC_TYPES.has(type)) return true;
  return expected ? expected.types.includes(type) : Object.values(IMAGE_BY_FAMILY).some((f) => f.types.includes(type));
}

/** The family the first bytes of a file prove, or undefined when they prove none. */
export function detectFamily(head: Buffer): MediaFamily | undefined {
  const starts = (bytes: readonly number[], at = 0) => bytes.every((b, i) => head[at + i] === b);
  if (starts([0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts([0x47, 0x49, 0x46, 0x38]) && (head[4] === 0x37 || head[4] === 0x39) && head[5] === 0x61) return 'gif';
  if (head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  if (starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (starts([0x50, 0x4b, 0x03, 0x04]) || starts([0x50, 0x4b, 0x05, 0x06])) return 'zip';
  // PDF readers accept the header anywhere in the first 1024 bytes (ISO 32000-1, annex H).
  if (head.subarray(0, MAGIC_BYTES).includes('%PDF-', 0, 'latin1')) return 'pdf';
  return undefined;
}

/** The format a downloaded file is, given what its URL led to expect; undefined when the bytes disagree. */
export function confirmFormat(head: Buffer, expected: MediaFormat | undefined): MediaFormat | undefined {
  const family = detectFamily(head);
  if (family === undefined) return undefined;
  if (expected) return expected.family === family ? expected : undefined;
  return IMAGE_BY_FAMILY[family];
}

/** The readable part of a media file's name: the URL's file name without its extension. */
export function mediaNameOf(url: URL): string {
  const file = fileNameOf(url);
  const ext = extensionOf(url);
  return decodePathPiece(ext ? file.slice(0, -(ext.length + 1)) : file);
}

/** A URL path piece with its percent-escapes decoded; as it is when they are malformed. */
export function decodePathPiece(piece: string): string {
  try {
    return decodeURIComponent(piece);
  } catch {
    return piece;
  }
}
