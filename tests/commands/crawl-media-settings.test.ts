import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readArchiveSettings } from '../../src/commands/archive-settings.js';
import { mediaSettings } from '../../src/commands/crawl-media.js';
import { resolveCrawlConfig } from '../../src/config.js';
import { UsageError } from '../../src/errors.js';

const MB = 1024 * 1024;
let out: string;
beforeEach(async () => {
  out = await mkdtemp(join(tmpdir(), 'beauvais-media-settings-'));
});
afterEach(async () => {
  await rm(out, { recursive: true, force: true });
});

const settingsFor = async (raw: Record<string, string | boolean>) => mediaSettings(await readArchiveSettings(out), resolveCrawlConfig({ out, ...raw }, 'ua'));

describe('media settings', () => {
  it('are off by default, with a 50 MB file cap and a 2048 MB run cap', async () => {
    expect(await settingsFor({})).toEqual({ enabled: false, maxFileBytes: 50 * MB, maxRunBytes: 2048 * MB });
  });

  it('come from archive.yaml, and the command line wins', async () => {
    await writeFile(join(out, 'archive.yaml'), 'warc: true\nmedia: true\nmediaMaxMB: 5\nmediaRunMaxMB: 100\n');
    expect(await settingsFor({})).toEqual({ enabled: true, maxFileBytes: 5 * MB, maxRunBytes: 100 * MB });
    expect(await settingsFor({ media: false, mediaMaxMb: '2' })).toMatchObject({ enabled: false, maxFileBytes: 2 * MB });
  });

  it.each([
    ['media: "oui"\n', /"media" must be true or false/],
    ['mediaMaxMB: -1\n', /"mediaMaxMB" must be a positive number/],
  ])('refuse %j in archive.yaml with a usage error', async (yaml, message) => {
    await writeFile(join(out, 'archive.yaml'), yaml);
    await expect(settingsFor({})).rejects.toThrow(UsageError);
    await expect(settingsFor({})).rejects.toThrow(message);
  });

  it.each([
    [{ mediaMaxMb: '0' }, /--media-max-mb: "0" must be a whole number from 1/],
    [{ mediaRunMaxMb: 'beaucoup' }, /--media-run-max-mb/],
  ])('refuse %o on the command line', (raw, message) => {
    expect(() => resolveCrawlConfig(raw, 'ua')).toThrow(message);
  });
});
