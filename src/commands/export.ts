/** `export`: the archive's records from its files, filtered, as NDJSON, JSON or CSV. No network. */
import { archiveDate } from '../archive/entry.js';
import { readArchive } from '../archive/store.js';
import { DEFAULT_OUT, parseDateOption } from '../config.js';
import { UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { toPlainText } from '../extract/index.js';
import { createLogger } from '../log.js';
import { renderCsvHeader, renderCsvRow } from '../output/csv.js';
import { type ArchiveRecord, toArchiveRecord } from '../output/record.js';
import { type CommandContext, writeOut } from './context.js';

export type ExportFormat = 'ndjson' | 'json' | 'csv';

export interface ExportOptions {
  readonly outDir: string;
  readonly format: ExportFormat;
  readonly since: string | undefined;
  readonly until: string | undefined;
  readonly section: string | undefined;
}

/** Validates the export command's raw options. */
export function resolveExportOptions(raw: { out?: string; format?: string; since?: string; until?: string; section?: string }): ExportOptions {
  const format = raw.format ?? 'ndjson';
  if (format !== 'ndjson' && format !== 'json' && format !== 'csv') {
    throw new UsageError(`--format: "${format}" is not one of ndjson, json, csv`);
  }
  const since = raw.since === undefined ? undefined : parseDateOption('since', raw.since);
  const until = raw.until === undefined ? undefined : parseDateOption('until', raw.until);
  if (since && until && since > until) throw new UsageError(`--since ${since} is after --until ${until}`);
  return { outDir: raw.out ?? DEFAULT_OUT, format, since, until, section: raw.section };
}

/** Runs `export`; exit 3 when some files could not be read (the others are still printed). */
export async function runExport(options: ExportOptions, ctx: CommandContext): Promise<number> {
  const logger = createLogger('normal', (line) => ctx.stderr.write(line));
  const section = options.section?.toLocaleLowerCase('fr');
  let unreadable = 0;
  let count = 0;
  if (options.format === 'csv') await writeOut(ctx.stdout, renderCsvHeader());
  if (options.format === 'json') await writeOut(ctx.stdout, '[');
  for await (const item of readArchive(options.outDir)) {
    if ('error' in item) {
      unreadable += 1;
      logger.error(`${item.path}: ${item.error}`);
      continue;
    }
    const { entry, path } = item;
    const date = archiveDate(entry).date;
    if (options.since && date < options.since) continue;
    if (options.until && date > options.until) continue;
    if (section !== undefined && !(entry.section ?? '').toLocaleLowerCase('fr').includes(section)) continue;
    const record = toArchiveRecord(entry, path, toPlainText(entry.markdown));
    await writeOut(ctx.stdout, render(options.format, record, count));
    count += 1;
  }
  if (options.format === 'json') await writeOut(ctx.stdout, count === 0 ? ']\n' : '\n]\n');
  return unreadable > 0 ? ExitCode.partial : ExitCode.ok;
}

function render(format: ExportFormat, record: ArchiveRecord, index: number): string {
  if (format === 'csv') return renderCsvRow(record);
  if (format === 'json') return `${index === 0 ? '\n' : ',\n'}${JSON.stringify(record)}`;
  return `${JSON.stringify(record)}\n`;
}
