import { describe, expect, it } from 'vitest';
import { parseInputList, toInputKind } from '../../src/commands/extract-inputs.js';

describe('toInputKind', () => {
  it.each([
    ['-', 'stdin'],
    ['https://www.beauvais.fr/actualites.html', 'url'],
    ['HTTP://127.0.0.1:8080/a.html', 'url'],
    ['saved/page.html', 'file'],
    ['./-', 'file'],
    ['http.html', 'file'],
  ])('%s is a %s input', (input, kind) => {
    expect(toInputKind(input)).toBe(kind);
  });
});

describe('parseInputList', () => {
  it('keeps one input a line, trimmed, without blank lines and # comments, CRLF or LF', () => {
    expect(parseInputList('# a list\r\n  a.html \r\n\r\nhttps://www.beauvais.fr/x.html\n#b.html\nc d.html\n')).toEqual([
      'a.html',
      'https://www.beauvais.fr/x.html',
      'c d.html',
    ]);
  });
});
