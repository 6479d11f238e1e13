/** CSV rendering of records (RFC 4180: quoted when needed, quotes doubled, CRLF line ends). */
import type { ArchiveRecord } from './record.js';

/** The CSV columns, in order; lists are JSON (initiatives) or space-separated (aliases, media paths). */
export const CSV_COLUMNS = [
  'id', 'url', 'title', 'publishedAt', 'updatedAt', 'dateSource', 'section', 'path', 'aliases',
  'initiatives', 'contentHash', 'fetchedAt', 'firstSeenAt', 'media', 'text',
] as const;

/** One CSV field, quoted when it holds a comma, a quote or a line break. */
export function renderCsvField(value: string | null): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The header line. */
export function renderCsvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

/** One record as one CSV line. */
export function renderCsvRow(record: ArchiveRecord): string {
  const cells: Record<(typeof CSV_COLUMNS)[number], string | null> = {
    id: record.id,
    url: record.url,
    title: record.title,
    publishedAt: record.publishedAt,
    updatedAt: record.updatedAt,
    dateSource: record.dateSource,
    section: record.section,
    path: record.path,
    aliases: record.aliases.join(' '),
    initiatives: JSON.stringify(record.initiatives),
    contentHash: record.contentHash,
    fetchedAt: record.fetchedAt,
    firstSeenAt: record.firstSeenAt,
    text: record.text,
    media: (record.media ?? []).map((m) => m.path).join(' '),
  };
  return `${CSV_COLUMNS.map((column) => renderCsvField(cells[column])).join(',')}\r\n`;
}
