import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { isBinaryText, parseCharset } from '../../src/extract/decode.js';
import { decodeHtml, extractArticle } from '../../src/extract/index.js';
import { ARTICLE_URL, FILLER, renderArticlePage } from './article-page.js';

const WINDOWS_1252_TEXT = 'L’été « à Beauvais » : 5 € pour l’œuvre';
const latin = (html: string) => iconv.encode(html, 'windows-1252');
const utf8 = (html: string) => Buffer.from(html, 'utf8');
const page = (head: string) => `<html><head>${head}<title>t</title></head><body><p>${WINDOWS_1252_TEXT}</p></body></html>`;

describe('decodeHtml picks the charset as browsers do', () => {
  it.each<[string, Buffer, string | undefined, string]>([
    ['HTTP charset iso-8859-1, read as windows-1252', latin(page('')), 'text/html; charset=iso-8859-1', 'windows-1252'],
    ['HTTP charset quoted and upper case', latin(page('')), 'text/html; charset="ISO-8859-1"', 'windows-1252'],
    ['<meta charset> when HTTP says nothing', latin(page('<meta charset="windows-1252">')), 'text/html', 'windows-1252'],
    ['<meta http-equiv> when HTTP says nothing', latin(page('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">')), undefined, 'windows-1252'],
    ['HTTP charset over <meta>', utf8(page('<meta charset="iso-8859-1">')), 'text/html; charset=utf-8', 'utf-8'],
    ['a UTF-8 BOM over a wrong HTTP charset', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(page(''))]), 'text/html; charset=iso-8859-1', 'utf-8'],
    ['undeclared but valid UTF-8', utf8(page('')), undefined, 'utf-8'],
    ['undeclared and not UTF-8', latin(page('')), undefined, 'windows-1252'],
    ['an unknown HTTP label falls back to the document', utf8(page('<meta charset="utf-8">')), 'text/html; charset=x-klingon', 'utf-8'],
  ])('%s', (_name, bytes, contentType, encoding) => {
    const decoded = decodeHtml(bytes, contentType);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.html).toContain(WINDOWS_1252_TEXT);
    expect(decoded.html.startsWith('\uFEFF')).toBe(false);
  });

  it('replaces invalid UTF-8 with U+FFFD instead of failing', () => {
    const bytes = Buffer.concat([utf8('<p>Beauvais '), Buffer.from([0xff, 0xc3]), utf8(' fin</p>')]);
    expect(decodeHtml(bytes, 'text/html; charset=utf-8').html).toBe('<p>Beauvais \uFFFD\uFFFD fin</p>');
  });

  it('finds a declaration past the first kilobyte when nothing came before it (a long head, an archive banner)', () => {
    const chinese = '一个约定，信守15年，感人至深';
    const banner = `<script>/* ${'x'.repeat(3000)} */</script>`;
    const bytes = iconv.encode(`<html><head>${banner}<meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>${chinese}</p></body></html>`, 'gb2312');
    expect(decodeHtml(bytes)).toEqual({ html: expect.stringContaining(chinese), encoding: 'gbk' });
    // The HTTP charset still comes first.
    expect(decodeHtml(latin(`<html><head>${banner}<meta charset="gb2312"></head><body><p>${WINDOWS_1252_TEXT}</p></body></html>`), 'text/html; charset=windows-1252').encoding).toBe('windows-1252');
  });

  it('decodes a charset TextDecoder does not cover through iconv-lite', () => {
    const cyrillic = 'Бове, город-побратим';
    const bytes = iconv.encode(`<html><head><meta charset="windows-1251"></head><body><p>${cyrillic}</p></body></html>`, 'windows-1251');
    expect(decodeHtml(bytes)).toEqual({ html: expect.stringContaining(cyrillic), encoding: 'windows-1251' });
  });

  // UTF-8 goes through TextDecoder and every other charset through iconv-lite: for UTF-8 both must
  // give the same text, or the charset alone would change how a broken byte reads.
  it.each([
    ['a sequence cut at the end', 'e282'],
    ['an overlong "/"', 'c0af'],
    ['an encoded surrogate', 'eda080'],
    ['bytes that never occur in UTF-8', 'f5fffe'],
    ['a lone continuation byte', '41bf42'],
    ['byte-order marks inside the text', 'efbbbfefbbbf41'],
    ['a 4-byte sequence cut short', 'f09f9841'],
  ])('reads broken UTF-8 as iconv-lite does: %s', (_name, hex) => {
    const bytes = Buffer.concat([utf8('<p>'), Buffer.from(hex, 'hex'), utf8('</p>')]);
    expect(decodeHtml(bytes, 'text/html; charset=utf-8').html).toBe(iconv.decode(bytes, 'utf-8'));
  });

  it('takes an already decoded string as it is', () => {
    expect(decodeHtml('<p>l’été</p>')).toEqual({ html: '<p>l’été</p>', encoding: 'utf-8' });
  });

  it('an ISO-8859-1 article keeps its ’ « » € œ through extraction', () => {
    const html = renderArticlePage({ body: `${FILLER}<p>${WINDOWS_1252_TEXT}.</p>` }).replace('<meta charset="utf-8" />', '');
    const extraction = extractArticle(latin(html), ARTICLE_URL, { 'Content-Type': 'text/html; charset=ISO-8859-1' });
    expect(extraction.kind === 'article' && extraction.article.markdown).toContain(WINDOWS_1252_TEXT);
  });
});

describe('parseCharset', () => {
  it.each([
    ['text/html; charset=utf-8', 'utf-8'],
    ['text/html;charset="iso-8859-1"', 'iso-8859-1'],
    ['text/html; CHARSET=Windows-1252; foo=bar', 'Windows-1252'],
    ['text/html', undefined],
    ['', undefined],
  ])('%j → %s', (header, expected) => {
    expect(parseCharset(header)).toBe(expected);
  });
});

describe('isBinaryText', () => {
  it.each([
    ['%PDF-1.4\n%âãÏÓ\n1 0 obj', true],
    ['\u2030PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR', true],
    ['GIF89a\u0001\u0000', true],
    ['PK\u0003\u0004\u0014\u0000', true],
    ['<html>\u0000<body>', true],
    ['<!DOCTYPE html><html><body><p>Beauvais</p></body></html>', false],
    ['  <p>Un texte avec une tabulation\tet des retours\r\n</p>', false],
  ])('%j → %s', (text, expected) => {
    expect(isBinaryText(text)).toBe(expected);
  });
});
