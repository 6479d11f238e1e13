/**
 * `extract <inputs...>`: pages in (URLs, saved HTML files, `-` for stdin, or `--input-file` lists),
 * one record per article out, in input order, in one process: researchers run it over folders of
 * saved pages and lists of URLs, and each process pays the start-up once.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { DEFAULT_BASE_URL, DEFAULTS, parseBaseUrl, parseIntOption, parseLogLevel } from '../config.js';
import { BeauvaisError, UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { extractArticle } from '../extract/extract-article.js';
import type { Article } from '../extract/types.js';
import { createLogger, type Logger, type LogLevel } from '../log.js';
import { type ArticleRecord, toRecord } from '../output/record.js';
import { type CommandContext, writeOut } from './context.js';
import type { FetchedPage, PageFetcher } from './extract-fetch.js';
import { collectInputs, toInputKind } from './extract-inputs.js';

export interface ExtractOptions {
  /** Inputs named on the command line (URLs, files, `-`). */
  readonly inputs: readonly string[];
  /** A file listing more inputs, one a line. */
  readonly inputFile: string | undefined;
  readonly format: 'json' | 'markdown';
  /** The URL a file or stdin page was published at, or the site it belongs to, as given. */
  readonly baseUrl: string | undefined;
  /** `baseUrl` checked and parsed: for URLs, the one site fetched (without it, the first URL's). */
  readonly site: URL | undefined;
  readonly timeoutMs: number;
  /** Minimum gap between request starts to the site (robots.txt Crawl-delay wins when larger). */
  readonly delayMs: number;
  /** With --format markdown: the folder that receives one file per article. */
  readonly to: string | undefined;
  /** `verbose`: what was read for each input, on stderr. */
  readonly logLevel: LogLevel;
}

/** The record `extract` prints: the article record and the input it came from. */
export interface ExtractRecord extends ArticleRecord {
  readonly input: string;
}

interface RawExtractOptions {
  format?: string;
  baseUrl?: string;
  timeout?: string;
  delay?: string;
  inputFile?: string;
  to?: string;
  verbose?: boolean;
}

/** Validates the extract command's raw options. */
export function resolveExtractOptions(inputs: readonly string[], raw: RawExtractOptions): ExtractOptions {
  const format = raw.format ?? 'json';
  if (format !== 'json' && format !== 'markdown') {
    throw new UsageError(`--format: "${format}" is not one of json, markdown`);
  }
  const site = raw.baseUrl === undefined ? undefined : parseBaseUrl(raw.baseUrl);
  if (raw.to !== undefined && format !== 'markdown') throw new UsageError('--to writes Markdown files: use it with --format markdown');
  return {
    inputs,
    inputFile: raw.inputFile,
    format,
    baseUrl: raw.baseUrl,
    site,
    timeoutMs: parseIntOption('timeout', raw.timeout ?? DEFAULTS.timeout, 100, 600_000),
    delayMs: parseIntOption('delay', raw.delay ?? DEFAULTS.delay, 0, 600_000),
    to: raw.to,
    logLevel: parseLogLevel(false, raw.verbose === true),
  };
}

/** Runs `extract`; exit 3 when any input is not an article or could not be fetched, 0 otherwise. */
export async function runExtract(options: ExtractOptions, ctx: CommandContext): Promise<number> {
  const logger = createLogger(options.logLevel, (line) => ctx.stderr.write(line));
  const inputs = await collectInputs(options.inputs, options.inputFile);
  if (options.format === 'markdown' && inputs.length > 1 && options.to === undefined) {
    throw new UsageError('--format markdown with several inputs writes one file per article: name the folder with --to <folder>');
  }
  const pages = createPageLoader(options, inputs, ctx, logger);
  let failed = 0;
  try {
    for (const input of inputs) {
      const loaded = await pages.load(input);
      if (loaded instanceof BeauvaisError) {
        failed += 1;
        logger.error(`${input}: ${loaded.message}`);
        continue;
      }
      const extraction = extractArticle(loaded.body, loaded.url, loaded.headers);
      if (extraction.kind === 'not-article') {
        failed += 1;
        logger.error(`${input}: not an article (${loaded.url}): ${extraction.reason}`);
        continue;
      }
      logger.debug(`${input}: article ${extraction.article.id} from ${loaded.url} (${loaded.body.length} bytes); text found by ${extraction.via}`);
      await writeArticle(input, extraction.article, loaded.fetchedAt, options, ctx, logger);
    }
  } finally {
    await pages.close();
  }
  if (inputs.length > 1 && failed > 0) logger.error(`${failed} of ${inputs.length} inputs gave no article`);
  return failed > 0 ? ExitCode.partial : ExitCode.ok;
}

/** Reads files and stdin itself; fetches URLs through one polite fetcher, created on the first URL. */
function createPageLoader(options: ExtractOptions, inputs: readonly string[], ctx: CommandContext, logger: Logger) {
  const firstUrl = inputs.find((input) => toInputKind(input) === 'url' && URL.canParse(input));
  let fetcher: Promise<PageFetcher> | undefined;
  const openFetcher = async (): Promise<PageFetcher> => {
    // Loaded only for URLs: `extract` of saved pages never pays for undici.
    const { createPageFetcher } = await import('./extract-fetch.js');
    const site = options.site ?? parseBaseUrl(firstUrl ?? DEFAULT_BASE_URL);
    return createPageFetcher({ site, timeoutMs: options.timeoutMs, delayMs: options.delayMs }, ctx, logger);
  };
  return {
    async load(input: string): Promise<FetchedPage | BeauvaisError> {
      const kind = toInputKind(input);
      if (kind === 'url') return (await (fetcher ??= openFetcher())).fetchPage(input);
      const now = new Date(ctx.clock.now()).toISOString();
      const url = options.baseUrl ?? DEFAULT_BASE_URL;
      try {
        const body = kind === 'stdin' ? await buffer(ctx.stdin) : await readFile(input);
        return { body, url, headers: {}, fetchedAt: now };
      } catch (error) {
        return new BeauvaisError(`cannot read ${input}: ${(error as Error).message}`, { cause: error });
      }
    },
    async close(): Promise<void> {
      if (fetcher) await (await fetcher).close();
    },
  };
}

/** Prints the record, or the Markdown on stdout (one input) or into `--to` (one file per article). */
async function writeArticle(input: string, article: Article, fetchedAt: string, options: ExtractOptions, ctx: CommandContext, logger: Logger): Promise<void> {
  if (options.format === 'json') {
    const record: ExtractRecord = { ...toRecord(article, fetchedAt), input };
    await writeOut(ctx.stdout, `${JSON.stringify(record)}\n`);
    return;
  }
  // Loaded only when asked for: `extract` runs in shell loops, start-up time counts.
  const { renderArticleFile, articleFileName } = await import('./extract-markdown.js');
  const text = renderArticleFile(article, fetchedAt);
  if (options.to === undefined) {
    await writeOut(ctx.stdout, text);
    return;
  }
  const { writeAtomic } = await import('../archive/atomic-write.js');
  const file = path.join(options.to, articleFileName(article, fetchedAt));
  await writeAtomic(file, text);
  logger.info(`${input}: ${file}`);
}
