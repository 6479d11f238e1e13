/**
 * The command line: argv in, exit code out. It only translates options into a command call and an
 * error into a message and an exit code (giget's thin CLI). Commands are imported lazily so that
 * `extract` in a shell loop does not pay for the crawler's modules.
 */
import { Command, CommanderError, Option } from 'commander';
import { renderHelpFooter } from './cli-help.js';
import { systemClock } from './clock.js';
import { DEFAULT_BASE_URL, DEFAULT_OUT, DEFAULTS } from './config.js';
import { BeauvaisError, describeCause } from './errors.js';
import { ExitCode, exitCodeFor } from './exit-codes.js';
import type { CommandContext } from './commands/context.js';
import { readVersion } from './version.js';

/** Runs the CLI with `argv` (process.argv form) and resolves to the process exit code. */
export async function main(argv: readonly string[], overrides: Partial<CommandContext> = {}): Promise<number> {
  const ctx: CommandContext = {
    stdout: process.stdout,
    stderr: process.stderr,
    // A getter: Node builds the process.stdin stream on first access (2–8 ms), and only `extract -` reads it.
    get stdin() {
      return process.stdin;
    },
    clock: systemClock,
    ...overrides,
  };
  let exitCode: number = ExitCode.ok;
  const program = buildProgram(ctx, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with code 0; every other commander error is a usage error (exit 2).
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    ctx.stderr.write(`beauvais-archive: ${error instanceof BeauvaisError ? error.message : describeCause(error)}\n`);
    return exitCodeFor(error);
  }
  return exitCode;
}

function buildProgram(ctx: CommandContext, setExit: (code: number) => void): Command {
  const program = new Command('beauvais-archive')
    .description('A faithful, dated, deduplicated archive of the news of www.beauvais.fr')
    .version(readVersion(), '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', '\nRun beauvais-archive <command> --help for its examples and exit codes.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.stdout.write(s), writeErr: (s) => ctx.stderr.write(s) });

  program
    .command('crawl')
    .description('crawl the site and archive every article as a dated Markdown file')
    .option('--base-url <url>', 'site to crawl', DEFAULT_BASE_URL)
    .option('--out <dir>', 'archive folder', DEFAULT_OUT)
    .option('--concurrency <n>', 'pages fetched at once', DEFAULTS.concurrency)
    .option('--delay <ms>', 'minimum gap between requests to the site (robots.txt Crawl-delay wins when larger)', DEFAULTS.delay)
    .option('--max-pages <n>', 'stop after fetching this many pages')
    .option('--since <YYYY-MM-DD>', 'archive only articles published on or after this date')
    .option('--json', 'print one JSON record per new or updated article on stdout')
    .option('--full', 'ignore saved ETag/Last-Modified: fetch every page in full')
    .option('--dry-run', 'discover and extract, write nothing, print what would be written')
    .option('--timeout <ms>', 'timeout for headers and for the body of each response', DEFAULTS.timeout)
    .option('--retries <n>', 'retries on network errors, 5xx and 429', DEFAULTS.retries)
    .option('--user-agent <ua>', 'User-Agent header (default names the tool and its home page)')
    .option('--ignore-robots', 'do not honour robots.txt')
    .option('--warc', 'keep every HTTP exchange in WARC files under <out>/warc/ (default: "warc: true" in <out>/archive.yaml)')
    .option('--no-warc', 'record no WARC this run, whatever <out>/archive.yaml says')
    .option('--media', 'archive the images and documents of each article under <out>/media/ (default: "media: true" in <out>/archive.yaml)')
    .option('--no-media', 'archive no media this run, whatever <out>/archive.yaml says')
    .option('--media-max-mb <n>', 'largest media file kept, in MB (default 50, or "mediaMaxMB" in <out>/archive.yaml)')
    .option('--media-run-max-mb <n>', 'media bytes downloaded per run at most, in MB (default 2048, or "mediaRunMaxMB")')
    .addOption(new Option('--quiet', 'errors only on stderr').conflicts('verbose'))
    .option('--verbose', 'log every request on stderr')
    .addHelpText('after', renderHelpFooter('crawl'))
    .action(async (raw) => {
      const { runCrawlCommand } = await import('./commands/crawl.js');
      setExit(await runCrawlCommand(raw, ctx));
    });

  program
    .command('extract')
    .description('extract the article of each page (URLs, HTML files, or - for stdin) and print one record per article')
    .argument('[inputs...]', 'page URLs, HTML files, or - to read one page from stdin')
    .option('--input-file <file>', 'read more inputs from this file, one a line (blank lines and # comments skipped)')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'markdown']).default('json'))
    .option('--to <folder>', 'with --format markdown: write one file per article into this folder (needed for several inputs)')
    .option('--base-url <url>', 'the URL a file or stdin page was published at, or its site; for URLs, the one site fetched')
    .option('--delay <ms>', 'minimum gap between requests to the site (robots.txt Crawl-delay wins when larger)', DEFAULTS.delay)
    .option('--timeout <ms>', 'timeout when fetching a URL', DEFAULTS.timeout)
    .option('--verbose', 'say on stderr what was read for each input')
    .addHelpText('after', renderHelpFooter('extract'))
    .action(async (inputs: string[], raw) => {
      const { resolveExtractOptions, runExtract } = await import('./commands/extract.js');
      setExit(await runExtract(resolveExtractOptions(inputs, raw), ctx));
    });

  program
    .command('export')
    .description('print the archived records from the files, without network')
    .option('--out <dir>', 'archive folder', DEFAULT_OUT)
    .addOption(new Option('--format <format>', 'output format').choices(['ndjson', 'json', 'csv']).default('ndjson'))
    .option('--since <YYYY-MM-DD>', 'only articles dated on or after this date')
    .option('--until <YYYY-MM-DD>', 'only articles dated on or before this date')
    .option('--section <name>', 'only articles whose section contains this text (case-insensitive)')
    .addHelpText('after', renderHelpFooter('export'))
    .action(async (raw) => {
      const { resolveExportOptions, runExport } = await import('./commands/export.js');
      setExit(await runExport(resolveExportOptions(raw), ctx));
    });

  program
    .command('rebuild')
    .description('rebuild the archive from WARC files (ours, wget\'s, Webrecorder\'s), without network')
    .requiredOption('--from <paths...>', 'WARC files, or folders holding them')
    .option('--out <dir>', 'archive folder', DEFAULT_OUT)
    .option('--base-url <url>', `the site whose pages are archived, records of other hosts are ignored (default: the archive's site in --out, else the one named in the WARC files by the crawl that wrote them, else the one host of the captured pages, else ${DEFAULT_BASE_URL})`)
    .option('--json', 'print one JSON record per new or updated article on stdout')
    .addOption(new Option('--quiet', 'errors only on stderr').conflicts('verbose'))
    .option('--verbose', 'say what is done with every capture')
    .addHelpText('after', renderHelpFooter('rebuild'))
    .action(async (raw) => {
      const { resolveRebuildOptions, runRebuild } = await import('./commands/rebuild.js');
      setExit(await runRebuild(resolveRebuildOptions(raw), ctx));
    });

  program
    .command('verify')
    .description('check the archive: hashes, WARC records and digests, history files, duplicates')
    .option('--out <dir>', 'archive folder', DEFAULT_OUT)
    .addHelpText('after', renderHelpFooter('verify'))
    .action(async (raw) => {
      const { resolveVerifyOptions, runVerify } = await import('./commands/verify.js');
      setExit(await runVerify(resolveVerifyOptions(raw), ctx));
    });

  program
    .command('site')
    .description('build the archive\'s reading room: a static website with timeline, search and history, without network')
    .option('--out <dir>', 'archive folder', DEFAULT_OUT)
    .option('--to <dir>', 'site folder (default: <out>/site)')
    .option('--clean', 'empty the site folder and render every page again')
    .option('--quiet', 'errors only on stderr')
    .addHelpText('after', renderHelpFooter('site'))
    .action(async (raw) => {
      const { resolveSiteOptions, runSite } = await import('./commands/site.js');
      setExit(await runSite(resolveSiteOptions(raw), ctx));
    });

  return program;
}
