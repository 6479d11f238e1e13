import { describe, expect, test } from 'vitest';
import { isWarcFileName, renderCrawlStamp, renderWarcFileName } from '../../src/warc/file-name.js';
import { toPayloadHeaders } from '../../src/warc/payload-headers.js';

describe('renderCrawlStamp', () => {
  test.each([
    ['2026-11-26T10:00:00.000Z', '20261126T100000Z'],
    ['2026-11-26T10:00:00.999Z', '20261126T100000Z'],
    ['2027-01-02T03:04:05Z', '20270102T030405Z'],
  ])('%s → %s', (iso, stamp) => {
    expect(renderCrawlStamp(new Date(iso))).toBe(stamp);
  });
});

describe('renderWarcFileName', () => {
  test.each([
    [0, '20261126T100000Z-00000.warc.gz'],
    [1, '20261126T100000Z-00001.warc.gz'],
    [12345, '20261126T100000Z-12345.warc.gz'],
  ])('file %i → %s', (n, name) => {
    expect(renderWarcFileName('20261126T100000Z', n)).toBe(name);
  });
});

describe('isWarcFileName', () => {
  test.each([
    ['a.warc', true],
    ['a.warc.gz', true],
    ['a.warc.gz.open', false],
    ['a.warc.txt', false],
    ['a.gz', false],
  ])('%s → %s', (name, expected) => {
    expect(isWarcFileName(name)).toBe(expected);
  });
});

describe('toPayloadHeaders', () => {
  test.each([
    ['gzip on the wire', { 'Content-Encoding': 'gzip', 'Content-Length': '40' }, { 'x-orig-content-encoding': 'gzip', 'x-orig-content-length': '40', 'content-length': '100' }],
    ['chunked', { 'transfer-encoding': 'chunked' }, { 'x-orig-transfer-encoding': 'chunked', 'content-length': '100' }],
    ['already plain', { 'content-type': 'text/html', 'content-length': '100' }, { 'content-type': 'text/html', 'content-length': '100' }],
    ['identity coding', { 'content-encoding': 'identity' }, { 'content-encoding': 'identity', 'content-length': '100' }],
  ])('%s', (_name, headers, expected) => {
    expect(toPayloadHeaders(headers, 100)).toEqual(expected);
  });
});
