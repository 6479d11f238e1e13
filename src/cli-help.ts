/**
 * What each command's `--help` ends with: two or three real examples (the same lines as the README's
 * section for the command, which a test compares) and the exit codes that command can return.
 */
import { ExitCode } from './exit-codes.js';

/** A command's examples and exit codes. */
interface CommandHelp {
  readonly examples: readonly string[];
  readonly exitCodes: readonly (readonly [codes: readonly ExitCode[], meaning: string])[];
}

const USAGE: readonly [readonly ExitCode[], string] = [[ExitCode.usage], 'usage error: a bad option or argument'];

const HELP = {
  crawl: {
    examples: [
      'beauvais-archive crawl                                   # the whole site into ./archive',
      'beauvais-archive crawl --out /srv/beauvais --quiet       # a cron line: prints only errors',
      'beauvais-archive crawl --since 2024-01-01 --json | jq -r .title',
    ],
    exitCodes: [
      [[ExitCode.ok], 'all good'],
      [[ExitCode.fatal], 'nothing could be done (site or robots.txt unreachable, archive not writable, lock held, corrupt state)'],
      USAGE,
      [[ExitCode.partial], 'finished, but some pages failed (the next run retries them)'],
      [[ExitCode.sigint, ExitCode.sigterm], 'interrupted by SIGINT or SIGTERM (state saved; the next run continues)'],
    ],
  },
  extract: {
    examples: [
      'beauvais-archive extract https://www.beauvais.fr/actualites/prochainement-a-beauvais/3750-le-2e-marche-nocturne-une-edition-speciale-annees-80.html',
      'beauvais-archive extract saved/*.html --base-url https://www.beauvais.fr/ | jq -r \'[.input, .title] | @tsv\'',
      'beauvais-archive extract --input-file urls.txt --format markdown --to articles/',
    ],
    exitCodes: [
      [[ExitCode.ok], 'every input is an article'],
      [[ExitCode.fatal], 'the output folder (--to) cannot be written'],
      USAGE,
      [[ExitCode.partial], 'some input is not an article or could not be read or fetched (one line each on stderr)'],
    ],
  },
  export: {
    examples: [
      'beauvais-archive export --format csv > beauvais.csv',
      'beauvais-archive export --since 2024-01-01 --until 2024-12-31 --section culture | jq -r .title',
    ],
    exitCodes: [[[ExitCode.ok], 'all good'], USAGE, [[ExitCode.partial], 'some archive files could not be read (the others are printed)']],
  },
  rebuild: {
    examples: [
      'beauvais-archive rebuild --from archive/warc                       # re-extract every stored page into ./archive',
      'beauvais-archive rebuild --from old-capture.warc.gz --out /srv/beauvais --json | jq -r .title',
      'beauvais-archive rebuild --from wget.warc.gz browsertrix/ --base-url https://www.beauvais.fr',
    ],
    exitCodes: [
      [[ExitCode.ok], 'all good'],
      [[ExitCode.fatal], 'the archive cannot be written, or its lock is held'],
      USAGE,
      [[ExitCode.partial], 'a WARC file was torn or unreadable, or no page of the site was found (the hosts seen are on stderr)'],
    ],
  },
  verify: {
    examples: [
      'beauvais-archive verify --out /srv/beauvais || mail -s "archive problems" archivist < /dev/null',
      'beauvais-archive verify | jq -r \'"\\(.path): \\(.problem)"\'',
    ],
    exitCodes: [[[ExitCode.ok], 'every check holds'], [[ExitCode.fatal], 'the archive folder does not exist'], USAGE, [[ExitCode.partial], 'problems found (one NDJSON line each on stdout)']],
  },
  site: {
    examples: [
      'beauvais-archive site                                   # ./archive → ./archive/site/index.html',
      'beauvais-archive site --out /srv/beauvais --to /var/www/archives --quiet',
      'beauvais-archive crawl --quiet && beauvais-archive site --quiet    # a cron line: both stay cheap',
    ],
    exitCodes: [
      [[ExitCode.ok], 'the site is built'],
      [[ExitCode.fatal], 'the archive folder does not exist, the site folder cannot be written or is not a site, or another build holds its lock'],
      USAGE,
      [[ExitCode.partial], 'some archive files could not be read (the rest is built; one line each on stderr)'],
    ],
  },
} as const satisfies Record<string, CommandHelp>;

/** The commands that have help text. */
export type HelpCommand = keyof typeof HELP;

/** The text `--help` prints after a command's options: examples, then exit codes. */
export function renderHelpFooter(command: HelpCommand): string {
  const { examples, exitCodes } = HELP[command];
  const rows = exitCodes.map(([codes, meaning]) => [codes.join(', '), meaning] as const);
  const width = Math.max(...rows.map(([codes]) => codes.length));
  return [
    '',
    'Examples:',
    ...examples.map((line) => `  ${line}`),
    '',
    'Exit codes:',
    ...rows.map(([codes, meaning]) => `  ${codes.padEnd(width)}  ${meaning}`),
  ].join('\n');
}
