/**
 * The archive file: YAML front matter, a blank line, the Markdown body. The YAML is produced and read
 * by the `yaml` package, never by string concatenation, so a title holding ": ", "---", "#", quotes,
 * newlines or NUL round-trips. Every string is double-quoted with JSON escapes: each value stays on
 * one line (the closing `---` can never be forged) and YAML 1.1 readers (Jekyll, PyYAML) do not turn
 * "yes" into a boolean or "2017-12-08" into a date.
 */
import { parse, stringify } from 'yaml';
import { BeauvaisError } from '../errors.js';
import type { DateSource, Initiative } from '../extract/types.js';
import { archiveDate } from './entry.js';
import type { ArchiveEntry, MediaRef, WarcRef } from './types.js';

/** A file that is not an archive file: no front matter, broken YAML, or a missing field. */
export class InvalidFrontMatterError extends BeauvaisError {}

const FENCE = '---';
/** The opening fence, then the YAML up to the first line that is exactly the closing fence. */
const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)^---[ \t]*\r?\n/m;
/** The blank line between the front matter and the body, and the body's final newline. */
const BODY_LEADING_NEWLINE = /^\r?\n/;
const BODY_TRAILING_NEWLINE = /\r?\n$/;

/** "<" in the YAML, written as its escape. */
const LESS_THAN = /</g;

const DATE_SOURCES: ReadonlySet<string> = new Set<DateSource>([
  'json-ld', 'meta', 'time[datetime]', 'microdata', 'text', 'first-seen',
]);

const YAML_OPTIONS = {
  lineWidth: 0,
  defaultStringType: 'QUOTE_DOUBLE',
  defaultKeyType: 'PLAIN',
  doubleQuotedAsJSON: true,
} as const;

/** The text of an archive file: `---\n<YAML>---\n\n<markdown>\n`, fields in a fixed order. */
export function renderArchiveFile(entry: ArchiveEntry): string {
  const fields = {
    id: entry.id,
    title: entry.title,
    url: entry.url,
    aliases: [...entry.aliases],
    publishedAt: entry.publishedAt,
    updatedAt: entry.updatedAt,
    section: entry.section,
    initiatives: entry.initiatives.map((i) => ({ heading: i.heading, items: [...i.items] })),
    contentHash: entry.contentHash,
    fetchedAt: entry.fetchedAt,
    firstSeenAt: entry.firstSeenAt,
    dateSource: entry.dateSource,
    history: [...entry.history],
    ...(entry.media && entry.media.length > 0
      ? { media: entry.media.map((m) => ({ url: m.url, path: m.path, sha256: m.sha256, type: m.type, bytes: m.bytes })) }
      : {}),
  };
  // Every "<" of these fields is inside a double-quoted string, where "\u003c" reads back the same: a
  // page title like "<script>…" stays text for YAML readers and is never a tag to a renderer unaware of
  // front matter. The WARC reference comes last and as it is: its record id is WARC's own "<urn:uuid:…>".
  const yaml = stringify(fields, YAML_OPTIONS).replace(LESS_THAN, '\\u003c');
  const warc = entry.warc ? stringify({ warc: { file: entry.warc.file, recordId: entry.warc.recordId } }, YAML_OPTIONS) : '';
  return `${FENCE}\n${yaml}${warc}${FENCE}\n\n${entry.markdown}\n`;
}

/** The entry an archive file holds; throws InvalidFrontMatterError when it is not one. */
export function parseArchiveFile(text: string): ArchiveEntry {
  const match = FRONT_MATTER.exec(text);
  if (!match || match.index !== 0) throw new InvalidFrontMatterError('no front matter: the file does not start with a "---" block');
  let data: unknown;
  try {
    data = parse(match[1] ?? '');
  } catch (error) {
    throw new InvalidFrontMatterError(`front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`, { cause: error });
  }
  const fields = new FieldReader(data);
  const warc = fields.optionalWarc('warc');
  const media = fields.media('media');
  const entry: ArchiveEntry = {
    id: fields.string('id'),
    title: fields.string('title'),
    url: fields.string('url'),
    aliases: fields.strings('aliases'),
    publishedAt: fields.nullableString('publishedAt'),
    updatedAt: fields.nullableString('updatedAt'),
    section: fields.nullableString('section'),
    initiatives: fields.initiatives('initiatives'),
    contentHash: fields.string('contentHash'),
    fetchedAt: fields.string('fetchedAt'),
    firstSeenAt: fields.string('firstSeenAt'),
    dateSource: fields.dateSource('dateSource'),
    history: fields.strings('history'),
    ...(warc ? { warc } : {}),
    ...(media.length > 0 ? { media } : {}),
    markdown: text.slice(match[0].length).replace(BODY_LEADING_NEWLINE, '').replace(BODY_TRAILING_NEWLINE, ''),
  };
  assertDated(entry);
  return entry;
}

/**
 * An entry is filed, listed and exported under its date (archiveDate): one with neither a publication
 * date nor a first-seen date is refused here, like any other bad field, rather than failing whichever
 * command reads it later.
 */
function assertDated(entry: ArchiveEntry): void {
  try {
    archiveDate(entry);
  } catch {
    throw new InvalidFrontMatterError(`front matter field "firstSeenAt" must be an ISO 8601 date when "publishedAt" is not one: found ${JSON.stringify(entry.firstSeenAt)}`);
  }
}

/** Reads typed fields of the parsed YAML, naming the field that is wrong. */
class FieldReader {
  private readonly data: Record<string, unknown>;

  constructor(data: unknown) {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw new InvalidFrontMatterError('front matter is not a mapping of fields');
    }
    this.data = data as Record<string, unknown>;
  }

  string(key: string): string {
    const value = this.data[key];
    if (typeof value !== 'string') throw this.wrong(key, 'a string');
    return value;
  }

  nullableString(key: string): string | null {
    const value = this.data[key];
    if (value === null || value === undefined) return null;
    if (typeof value !== 'string') throw this.wrong(key, 'a string or null');
    return value;
  }

  strings(key: string): string[] {
    const value = this.data[key] ?? [];
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw this.wrong(key, 'a list of strings');
    return value as string[];
  }

  initiatives(key: string): Initiative[] {
    const value = this.data[key] ?? [];
    if (!Array.isArray(value)) throw this.wrong(key, 'a list');
    return value.map((item) => {
      const inner = new FieldReader(item);
      return { heading: inner.string('heading'), items: inner.strings('items') };
    });
  }

  dateSource(key: string): DateSource | null {
    const value = this.nullableString(key);
    if (value !== null && !DATE_SOURCES.has(value)) throw this.wrong(key, `one of ${[...DATE_SOURCES].join(', ')}`);
    return value as DateSource | null;
  }

  media(key: string): MediaRef[] {
    const value = this.data[key] ?? [];
    if (!Array.isArray(value)) throw this.wrong(key, 'a list');
    return value.map((item) => {
      const inner = new FieldReader(item);
      return { url: inner.string('url'), path: inner.string('path'), sha256: inner.string('sha256'), type: inner.string('type'), bytes: inner.count('bytes') };
    });
  }

  count(key: string): number {
    const value = this.data[key];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw this.wrong(key, 'a whole number');
    return value;
  }

  optionalWarc(key: string): WarcRef | undefined {
    const value = this.data[key];
    if (value === undefined || value === null) return undefined;
    const inner = new FieldReader(value);
    return { file: inner.string('file'), recordId: inner.string('recordId') };
  }

  private wrong(key: string, expected: string): InvalidFrontMatterError {
    const found = this.data[key] === undefined ? 'it is missing' : `found ${JSON.stringify(this.data[key])}`;
    return new InvalidFrontMatterError(`front matter field "${key}" must be ${expected}: ${found}`);
  }
}
