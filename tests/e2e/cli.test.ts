/** The CLI's contract with scripts: usage errors exit 2 with the reason, help and version exit 0. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const DIST = new URL('../../dist/', import.meta.url);

describe('command line', () => {
  it.each([
    [['crawl', '--concurrency', '0'], /--concurrency/],
    [['crawl', '--since', 'yesterday'], /--since: "yesterday" is not a date/],
    [['crawl', '--base-url', 'ftp://www.beauvais.fr'], /only http and https/],
    [['crawl', '--no-such-option'], /unknown option/],
    [['extract'], /missing required argument/],
    [['extract', 'x.html', '--format', 'pdf'], /pdf/],
    [['export', '--since', '2024-02-30'], /--since/],
    [['frobnicate'], /unknown command/],
  ])('%j exits 2 with the reason on stderr and nothing on stdout', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('prints its version and exits 0', async () => {
    const result = await runCli(['--version']);
    expect(result.code).toBe(0);
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(result.stdout.trim()).toBe(version);
  });

  it('ships, beside its bundle, every file the bundle finds by its own location (the analysis worker, package.json)', () => {
    // Without its worker file a crawl would still work, parsing every page on the main thread: slower,
    // and silently so. The bundle must be flat in dist/ for these relative paths to hold.
    const bundleFiles = readdirSync(DIST).filter((name) => name.endsWith('.js'));
    const located = bundleFiles.flatMap((name) =>
      [...readFileSync(new URL(name, DIST), 'utf8').matchAll(/new URL\("(\.{1,2}\/[^"]+)", import\.meta\.url\)/gu)].map((m) => m[1] ?? ''),
    );
    expect(located).toContain('./analyse-worker.js');
    expect(located.filter((relative) => !existsSync(new URL(relative, DIST)))).toEqual([]);
  });

  it('lists every command in --help', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['crawl', 'extract', 'export']) expect(result.stdout).toContain(command);
    expect(result.stdout).toContain('<command> --help for its examples and exit codes');
  });
});

/** The lines of the first ```sh block of the README section "### `<command>`". */
function readmeExamples(command: string): string[] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.split(`### \`${command}\``)[1] ?? '';
  const block = /```sh\n([\s\S]*?)\n```/u.exec(section)?.[1] ?? '';
  return block.split('\n').filter(Boolean);
}

describe('help', () => {
  it.each(['crawl', 'extract', 'export', 'rebuild', 'verify', 'site'])('%s --help ends with the README examples and the exit codes', async (command) => {
    const result = await runCli([command, '--help']);
    expect(result.code).toBe(0);
    const [, examples = '', exitCodes = ''] = /\nExamples:\n([\s\S]*?)\n\nExit codes:\n([\s\S]*)$/u.exec(result.stdout) ?? [];
    const expected = readmeExamples(command);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(examples.split('\n').map((line) => line.trim())).toEqual(expected);
    // Every command documents success and the usage error; each line is "  <code>  <meaning>".
    expect(exitCodes).toMatch(/^ {2}0 +\S/mu);
    expect(exitCodes).toMatch(/^ {2}2 +usage error/mu);
    for (const line of exitCodes.trimEnd().split('\n')) expect(line).toMatch(/^ {2}\d+(, \d+)? +\S/u);
  });
});
