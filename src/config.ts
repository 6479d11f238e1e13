/**
 * Option values from the command line, checked and resolved once into readonly config objects.
 * A bad value is a UsageError (exit 2) that says which option and why; commander never travels
 * past cli.ts.
 */
import { UsageError } from './errors.js';
import type { LogLevel } from './log.js';

export const DEFAULT_BASE_URL = 'https://www.beauvais.fr';
export const DEFAULT_OUT = './archive';
/** Defaults of the numeric options, as the command line spells them (cli.ts shows them in --help). */
export const DEFAULTS = Object.freeze({ concurrency: '4', delay: '250', timeout: '30000', retries: '3' });

export interface CrawlConfig {
  readonly baseUrl: URL;
  readonly outDir: string;
  readonly concurrency: number;
  /** Minimum gap between request starts to the site, in ms (robots.txt Crawl-delay may raise it). */
  readonly delayMs: number;
  readonly maxPages: number | undefined;
  /** Archive only articles published on or after this Paris date (YYYY-MM-DD). */
  readonly since: string | undefined;
  readonly json: boolean;
  /** Ignore saved validators: refetch everything in full. */
  readonly full: boolean;
  readonly dryRun: boolean;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly userAgent: string;
  readonly ignoreRobots: boolean;
  readonly logLevel: LogLevel;
  readonly maxBodyBytes: number;
  /** Keep every HTTP exchange in WARC files under `<out>/warc/`: true (--warc), false (--no-warc), undefined (as `<out>/archive.yaml` says). */
  readonly warc: boolean | undefined;
  /** Archive each article's images and documents under `<out>/media/`: true (--media), false (--no-media), undefined (as `<out>/archive.yaml` says). */
  readonly media: boolean | undefined;
  /** --media-max-mb: the largest media file kept, in MB (undefined: archive.yaml, else 50). */
  readonly mediaMaxMb: number | undefined;
  /** --media-run-max-mb: media bytes one run downloads at most, in MB (undefined: archive.yaml, else 2048). */
  readonly mediaRunMaxMb: number | undefined;
}

/** Raw option strings as commander hands them over. */
export type RawOptions = Readonly<Record<string, string | boolean | undefined>>;

/** A base URL: http(s) only, no credentials; the path is kept (a site may live below /). */
export function parseBaseUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--base-url: "${value}" is not a URL (example: https://www.beauvais.fr)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--base-url: only http and https are supported, not ${url.protocol}`);
  }
  if (url.username || url.password) throw new UsageError('--base-url: credentials in the URL are not supported');
  url.hash = '';
  return url;
}

/** A whole number within bounds, for options like --concurrency. */
export function parseIntOption(name: string, value: string, min: number, max: number): number {
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name}: "${value}" must be a whole number from ${min} to ${max}`);
  }
  return n;
}

/** A calendar date YYYY-MM-DD that exists (2017-02-30 does not). */
export function parseDateOption(name: string, value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`--${name}: "${value}" is not a date in the form YYYY-MM-DD (example: 2024-01-31)`);
  }
  return value;
}

/** The log level from --quiet / --verbose (both at once is a usage error). */
export function parseLogLevel(quiet: boolean, verbose: boolean): LogLevel {
  if (quiet && verbose) throw new UsageError('--quiet and --verbose cannot be used together');
  return quiet ? 'quiet' : verbose ? 'verbose' : 'normal';
}

const str = (raw: RawOptions, key: string): string | undefined => {
  const v = raw[key];
  return typeof v === 'string' ? v : undefined;
};

/** Resolves the crawl command's options, defaults included. */
export function resolveCrawlConfig(raw: RawOptions, defaultUserAgent: string): CrawlConfig {
  const maxPages = str(raw, 'maxPages');
  const since = str(raw, 'since');
  const userAgent = str(raw, 'userAgent')?.trim();
  if (userAgent !== undefined && (userAgent === '' || /[\r\n]/.test(userAgent))) {
    throw new UsageError('--user-agent: must be one non-empty line');
  }
  return Object.freeze({
    baseUrl: parseBaseUrl(str(raw, 'baseUrl') ?? DEFAULT_BASE_URL),
    outDir: str(raw, 'out') ?? DEFAULT_OUT,
    concurrency: parseIntOption('concurrency', str(raw, 'concurrency') ?? DEFAULTS.concurrency, 1, 64),
    delayMs: parseIntOption('delay', str(raw, 'delay') ?? DEFAULTS.delay, 0, 600_000),
    maxPages: maxPages === undefined ? undefined : parseIntOption('max-pages', maxPages, 1, 10_000_000),
    since: since === undefined ? undefined : parseDateOption('since', since),
    json: raw.json === true,
    full: raw.full === true,
    dryRun: raw.dryRun === true,
    timeoutMs: parseIntOption('timeout', str(raw, 'timeout') ?? DEFAULTS.timeout, 100, 600_000),
    retries: parseIntOption('retries', str(raw, 'retries') ?? DEFAULTS.retries, 0, 10),
    userAgent: userAgent ?? defaultUserAgent,
    ignoreRobots: raw.ignoreRobots === true,
    logLevel: parseLogLevel(raw.quiet === true, raw.verbose === true),
    maxBodyBytes: 10 * 1024 * 1024,
    warc: typeof raw.warc === 'boolean' ? raw.warc : undefined,
    media: typeof raw.media === 'boolean' ? raw.media : undefined,
    mediaMaxMb: optionalInt(raw, 'mediaMaxMb', 'media-max-mb', 1, 10_240),
    mediaRunMaxMb: optionalInt(raw, 'mediaRunMaxMb', 'media-run-max-mb', 1, 10_000_000),
  });
}

/** An optional whole-number option, checked like the others. */
function optionalInt(raw: RawOptions, key: string, name: string, min: number, max: number): number | undefined {
  const value = str(raw, key);
  return value === undefined ? undefined : parseIntOption(name, value, min, max);
}
