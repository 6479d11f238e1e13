import { describe, expect, it } from 'vitest';
import { isAcceptedType, toMediaType } from '../../src/http/content-type.js';

describe('isAcceptedType', () => {
  it.each([
    ['text/html; charset=utf-8', 'html', true],
    ['TEXT/HTML', 'html', true],
    ['application/xhtml+xml', 'html', true],
    [undefined, 'html', true],
    ['application/pdf', 'html', false],
    ['image/jpeg', 'html', false],
    ['text/plain', 'html', false],
    ['application/rss+xml', 'xml', true],
    ['application/atom+xml', 'xml', true],
    ['text/xml', 'xml', true],
    ['text/html', 'xml', true],
    ['application/pdf', 'xml', false],
    ['text/plain', 'text', true],
    ['application/pdf', 'text', false],
    ['application/pdf', 'any', true],
  ] as const)('%s when asking for %s → %s', (contentType, accept, expected) => {
    expect(isAcceptedType(contentType, accept)).toBe(expected);
  });
});

describe('toMediaType', () => {
  it('drops parameters and case', () => {
    expect(toMediaType('Text/HTML; Charset=ISO-8859-1')).toBe('text/html');
  });
});
