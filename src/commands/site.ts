/** `site`: the archive as a static website (reading room), from its files alone, without network. */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { isMissing } from '../archive/atomic-write.js';
import { MEDIA_DIR } from '../archive/media-names.js';
import { DEFAULT_OUT } from '../config.js';
import { BeauvaisError, UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { createLogger } from '../log.js';
import { buildSite } from '../site/build-site.js';
import { readVersion } from '../version.js';
import { WARC_DIR } from '../warc/file-name.js';
import type { CommandContext } from './context.js';

export interface SiteOptions {
  readonly outDir: string;
  readonly siteDir: string;
  readonly clean: boolean;
  readonly quiet: boolean;
}

/** The site's default folder inside the archive. */
const DEFAULT_SITE_DIR = 'site';
/** Folders of the archive a site may never be written into: the Markdown tree (years), hidden folders (state, history)… */
const YEAR_OR_HIDDEN_FOLDER = /^(?:\d{4}|\..*)$/;
/** …and the companions with writers of their own. */
const COMPANION_FOLDERS: ReadonlySet<string> = new Set([WARC_DIR, MEDIA_DIR]);

/** Validates the site command's raw options; the site folder may not lie in the archive's own folders. */
export function resolveSiteOptions(raw: { out?: string; to?: string; clean?: boolean; quiet?: boolean }): SiteOptions {
  const outDir = path.resolve(raw.out ?? DEFAULT_OUT);
  const siteDir = path.resolve(raw.to ?? path.join(outDir, DEFAULT_SITE_DIR));
  const inside = pathInside(outDir, siteDir);
  if (inside === '') throw new UsageError('--to: the site folder cannot be the archive folder itself');
  if (inside !== undefined && isArchiveFolder(inside.split(path.sep)[0] ?? '')) {
    throw new UsageError(`--to: ${siteDir} is inside the archive's own files; choose a folder such as ${path.join(outDir, DEFAULT_SITE_DIR)}`);
  }
  if (pathInside(siteDir, outDir) !== undefined) throw new UsageError(`--to: ${siteDir} contains the archive folder`);
  return { outDir, siteDir, clean: raw.clean ?? false, quiet: raw.quiet ?? false };
}

/** Whether a top-level name of the archive folder is one of the archive's own folders. */
function isArchiveFolder(name: string): boolean {
  return YEAR_OR_HIDDEN_FOLDER.test(name) || COMPANION_FOLDERS.has(name);
}

/** The path of `child` relative to `parent` ("" for `parent` itself), or undefined when `child` lies outside it. */
function pathInside(parent: string, child: string): string | undefined {
  const relative = path.relative(parent, child);
  return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative) ? undefined : relative;
}

/** Runs `site`: exit 0, or 3 when some archive files could not be read (the rest is built). */
export async function runSite(options: SiteOptions, ctx: CommandContext): Promise<number> {
  const logger = createLogger(options.quiet ? 'quiet' : 'normal', (line) => ctx.stderr.write(line));
  try {
    if (!(await stat(options.outDir)).isDirectory()) throw new BeauvaisError(`${options.outDir} is not a folder`);
  } catch (error) {
    if (isMissing(error)) throw new BeauvaisError(`the archive folder ${options.outDir} does not exist`);
    throw error;
  }
  const started = ctx.clock.now();
  const summary = await buildSite({ outDir: options.outDir, siteDir: options.siteDir, clean: options.clean, tool: `beauvais-archive ${readVersion()}`, logger });
  const seconds = ((ctx.clock.now() - started) / 1000).toFixed(1);
  logger.info(
    `site: ${summary.articles} articles (${summary.rendered} rendered), ${summary.written} files written, ${summary.unchanged} unchanged, ${summary.removed} removed, ${summary.unreadable} unreadable, in ${seconds} s`,
  );
  logger.info(`open ${path.join(options.siteDir, 'index.html')}`);
  return summary.unreadable > 0 ? ExitCode.partial : ExitCode.ok;
}
