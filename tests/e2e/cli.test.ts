/** The CLI's contract with scripts: usage errors exit 2 with the reason, help and version exit 0. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

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
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('lists every command in --help', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['crawl', 'extract', 'export']) expect(result.stdout).toContain(command);
  });
});
