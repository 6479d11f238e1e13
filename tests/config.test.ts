import { describe, expect, it } from 'vitest';
import { parseBaseUrl, parseDateOption, parseIntOption, resolveCrawlConfig } from '../src/config.js';
import { UsageError } from '../src/errors.js';

describe('resolveCrawlConfig', () => {
  it('gives the documented defaults', () => {
    const config = resolveCrawlConfig({}, 'ua');
    expect(config.baseUrl.href).toBe('https://www.beauvais.fr/');
    expect(config).toMatchObject({ outDir: './archive', concurrency: 4, retries: 3, userAgent: 'ua', logLevel: 'normal', dryRun: false });
    expect(config.delayMs).toBeGreaterThan(0);
  });

  it.each([
    [{ concurrency: '0' }, /--concurrency: "0" must be a whole number from 1/],
    [{ concurrency: 'four' }, /--concurrency/],
    [{ since: 'yesterday' }, /--since: "yesterday" is not a date/],
    [{ since: '2017-02-30' }, /--since/],
    [{ baseUrl: 'ftp://www.beauvais.fr' }, /only http and https/],
    [{ baseUrl: 'not a url' }, /is not a URL/],
    [{ retries: '-1' }, /--retries/],
    [{ quiet: true, verbose: true }, /cannot be used together/],
    [{ userAgent: 'a\nb' }, /--user-agent/],
  ])('rejects %o with a usage error that names the option', (raw, message) => {
    expect(() => resolveCrawlConfig(raw, 'ua')).toThrow(UsageError);
    expect(() => resolveCrawlConfig(raw, 'ua')).toThrow(message);
  });
});

describe('option parsers', () => {
  it.each(['2024-01-31', '2000-02-29'])('accepts the date %s', (value) => {
    expect(parseDateOption('since', value)).toBe(value);
  });
  it.each(['2023-02-29', '24-01-31', '2024-1-31', ''])('refuses the date "%s"', (value) => {
    expect(() => parseDateOption('since', value)).toThrow(UsageError);
  });
  it('bounds whole numbers', () => {
    expect(parseIntOption('n', '64', 1, 64)).toBe(64);
    expect(() => parseIntOption('n', '65', 1, 64)).toThrow(/from 1 to 64/);
    expect(() => parseIntOption('n', '1.5', 1, 64)).toThrow(UsageError);
  });
  it('keeps a base URL path and drops its fragment', () => {
    expect(parseBaseUrl('http://127.0.0.1:8080/site/#x').href).toBe('http://127.0.0.1:8080/site/');
  });
});
