/** `extract <url|file|->`: one page in, one record out (JSON or Markdown with front matter). */
import { readFile } from 'node:fs/promises';
import { buffer } from 'node:stream/consumers';
import { DEFAULTS, parseBaseUrl } from '../config.js';
import { isInScope } from '../discover/urls.js';
import { NotAnArticleError, UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { extractArticle } from '../extract/extract-article.js';
import { createLogger, type Logger } from '../log.js';
import { toRecord } from '../output/record.js';
import { type CommandContext, writeOut } from './context.js';

export interface ExtractOptions {
  readonly input: string;
  readonly format: 'json' | 'markdown';
  /** The URL the page was published at (for a file or stdin), or the site it belongs to. */
  readonly baseUrl: string | undefined;
  readonly timeoutMs: number;
}

interface LoadedInput {
  readonly body: Uint8Array;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly fetchedAt: string;
}

/** Validates the extract command's raw options. */
export function resolveExtractOptions(input: string, raw: { format?: string; baseUrl?: string; timeout?: string }): ExtractOptions {
  const format = raw.format ?? 'json';
  if (format !== 'json' && format !== 'markdown') {
    throw new UsageError(`--format: "${format}" is not one of json, markdown`);
  }
  if (raw.baseUrl !== undefined) parseBaseUrl(raw.baseUrl);
  const timeoutMs = Number(raw.timeout ?? DEFAULTS.timeout);
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 100) throw new UsageError('--timeout: a whole number of ms, at least 100');
  return { input, format, baseUrl: raw.baseUrl, timeoutMs };
}

/** Runs `extract`; returns the exit code (3 when the page is not an article). */
export async function runExtract(options: ExtractOptions, ctx: CommandContext): Promise<number> {
  const logger = createLogger('normal', (line) => ctx.stderr.write(line));
  const loaded = await loadInput(options, ctx, logger);
  const extraction = extractArticle(loaded.body, loaded.url, loaded.headers);
  if (extraction.kind === 'not-article') {
    logger.error(new NotAnArticleError(loaded.url, extraction.reason).message);
    return ExitCode.partial;
  }
  const { article } = extraction;
  if (options.format === 'json') {
    await writeOut(ctx.stdout, `${JSON.stringify(toRecord(article, loaded.fetchedAt))}\n`);
  } else {
    // Loaded only when asked for: `extract` runs in shell loops, start-up time counts.
    const { toArchiveEntry } = await import('../archive/entry.js');
    const { renderArchiveFile } = await import('../archive/front-matter.js');
    const entry = toArchiveEntry(article, { fetchedAt: loaded.fetchedAt, firstSeenAt: loaded.fetchedAt, aliases: [], history: [] });
    await writeOut(ctx.stdout, renderArchiveFile(entry));
  }
  return ExitCode.ok;
}

async function loadInput(options: ExtractOptions, ctx: CommandContext, logger: Logger): Promise<LoadedInput> {
  const fetchedAt = new Date(ctx.clock.now()).toISOString();
  const { input } = options;
  if (/^https?:\/\//i.test(input)) return fetchInput(input, options, ctx, logger, fetchedAt);
  const body = input === '-' ? await buffer(ctx.stdin) : await readLocalFile(input);
  const url = options.baseUrl ?? 'https://www.beauvais.fr/';
  return { body, url, headers: {}, fetchedAt };
}

async function readLocalFile(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : String(code ?? error)}`);
  }
}

async function fetchInput(input: string, options: ExtractOptions, ctx: CommandContext, logger: Logger, fetchedAt: string): Promise<LoadedInput> {
  const site = parseBaseUrl(input);
  const { createDispatcher, createFetcher } = await import('../http/fetch.js');
  const { renderUserAgent } = await import('../http/user-agent.js');
  const { readVersion } = await import('../version.js');
  const dispatcher = ctx.dispatcher ?? createDispatcher({ connections: 1 });
  // Body size and redirect limits: the fetcher's defaults, as in a crawl.
  const fetcher = createFetcher({
    dispatcher,
    userAgent: renderUserAgent(readVersion()),
    timeoutMs: options.timeoutMs,
    retries: 2,
    isInScope: (url) => isInScope(url, site),
    clock: ctx.clock,
    logger,
  });
  try {
    const result = await fetcher.fetch(input, { accept: 'any', signal: ctx.signal });
    if (result.kind === 'failed') throw result.error;
    if (result.kind === 'not-modified') throw new UsageError(`unexpected 304 for ${input}`);
    return { body: result.body, url: result.finalUrl, headers: { ...result.headers }, fetchedAt: result.fetchedAt ?? fetchedAt };
  } finally {
    if (!ctx.dispatcher) await dispatcher.close();
  }
}
