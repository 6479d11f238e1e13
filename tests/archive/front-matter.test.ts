import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toArchiveEntry } from '../../src/archive/entry.js';
import { InvalidFrontMatterError, parseArchiveFile, renderArchiveFile } from '../../src/archive/front-matter.js';
import type { ArchiveEntry } from '../../src/archive/types.js';
import { makeArticle } from './helpers.js';

const CONTEXT = {
  fetchedAt: '2026-11-26T10:00:00.000Z',
  firstSeenAt: '2026-11-20T09:00:00.000Z',
  aliases: ['https://www.beauvais.fr/index.php?option=com_content&view=article&id=3750'],
  history: ['.history/3750/2026-11-20T09-00-00.000Z.md'],
};

function entryWith(overrides: Parameters<typeof makeArticle>[0]): ArchiveEntry {
  return toArchiveEntry(makeArticle(overrides), CONTEXT);
}

describe('renderArchiveFile', () => {
  it('writes the fields in the documented order, then a blank line and the Markdown', () => {
    const text = renderArchiveFile({ ...entryWith({}), warc: { file: 'warc/a.warc.gz', recordId: '<urn:uuid:x>' } });
    expect(text.startsWith('---\n')).toBe(true);
    const keys = [...text.split('\n---\n\n')[0]!.matchAll(/^([A-Za-z]+):/gm)].map((m) => m[1]);
    expect(keys).toEqual([
      'id', 'title', 'url', 'aliases', 'publishedAt', 'updatedAt', 'section', 'initiatives',
      'contentHash', 'fetchedAt', 'firstSeenAt', 'dateSource', 'history', 'warc',
    ]);
    expect(text.endsWith('\n---\n\nL’association des Villes Internet a dévoilé hier le palmarès.\n')).toBe(true);
  });

  it('leaves warc out when there is none', () => {
    expect(renderArchiveFile(entryWith({}))).not.toMatch(/^warc:/m);
  });

  it('quotes values that YAML 1.1 readers would turn into booleans, dates or numbers', () => {
    const text = renderArchiveFile(entryWith({ id: '0123', section: 'yes', publishedAt: '2017-12-08' }));
    expect(text).toContain('id: "0123"');
    expect(text).toContain('section: "yes"');
    expect(text).toContain('publishedAt: "2017-12-08"');
  });
});

describe('front matter round trip', () => {
  it.each([
    ['Beauvais : la ville en fête'],
    ['---'],
    ['title\n---\nid: "evil"'],
    ['# Pas un commentaire'],
    ['Il a dit "bonjour" et l\'a répété'],
    ["'single' \"double\" `back`"],
    ['ligne 1\nligne 2\r\nligne 3'],
    ['NUL\0 au milieu'],
    ['yes'],
    ['null'],
    ['~'],
    ['2017-12-08'],
    ['0x1F'],
    ['  espaces autour  '],
    ['- une puce'],
    ['[1, 2]'],
    ['{a: 1}'],
    ['&ancre *alias !tag %directive @at'],
    ['🎉 émoji'],
    ['שלום עולם'],
    ['\u2028séparateur\u2029'],
    ['\uFEFFBOM'],
    ['tab\tulation'],
    ['x'.repeat(2000)],
  ])('title %j survives rendering and parsing', (title) => {
    const entry = entryWith({
      title,
      section: title,
      initiatives: [{ heading: title, items: [title, '---', ': '] }],
    });
    expect(parseArchiveFile(renderArchiveFile(entry))).toEqual(entry);
  });

  it('keeps the Markdown exactly, "---" lines and blank lines included', () => {
    const markdown = '\n---\n\nParagraphe.\n\n---\nid: "forged"\n---\n\n- item\n\n';
    const entry = entryWith({ markdown });
    const parsed = parseArchiveFile(renderArchiveFile(entry));
    expect(parsed.markdown).toBe(markdown);
    expect(parsed.id).toBe('3750');
  });

  it('is valid YAML for other readers too', () => {
    const entry = entryWith({ title: 'a: b\n---' });
    const yaml = renderArchiveFile(entry).split('\n---\n\n')[0]!.slice(4);
    expect(parse(yaml).title).toBe('a: b\n---');
  });

  it('reads a file saved with Windows line endings', () => {
    const entry = entryWith({ markdown: 'Texte.' });
    const crlf = renderArchiveFile(entry).replace(/\n/g, '\r\n');
    expect(parseArchiveFile(crlf)).toMatchObject({ id: '3750', markdown: 'Texte.' });
  });
});

describe('parseArchiveFile errors', () => {
  it.each([
    ['no front matter', '# Juste du Markdown\n'],
    ['front matter not closed', '---\nid: "1"\n'],
    ['invalid YAML', '---\nid: [unclosed\n---\n\nbody\n'],
    ['a list instead of fields', '---\n- a\n- b\n---\n\nbody\n'],
    ['a missing field', '---\nid: "1"\ntitle: "t"\n---\n\nbody\n'],
    ['a wrong type', renderArchiveFile(entryWith({})).replace('id: "3750"', 'id: [1]')],
    ['an unknown date source', renderArchiveFile(entryWith({})).replace('dateSource: "time[datetime]"', 'dateSource: "guess"')],
    ['front matter not at the start', `intro\n${renderArchiveFile(entryWith({}))}`],
  ])('%s → InvalidFrontMatterError', (_name, text) => {
    expect(() => parseArchiveFile(text)).toThrow(InvalidFrontMatterError);
  });

  it('names the field that is wrong', () => {
    const text = renderArchiveFile(entryWith({})).replace(/^contentHash: .*$/m, '');
    expect(() => parseArchiveFile(text)).toThrow(/"contentHash" must be a string: it is missing/);
  });

  it('refuses an entry with no date to file it under: no publication date and a first-seen date that is none', () => {
    const undated = renderArchiveFile({ ...entryWith({}), publishedAt: null, firstSeenAt: 'hier' });
    expect(() => parseArchiveFile(undated)).toThrow(InvalidFrontMatterError);
    expect(() => parseArchiveFile(undated)).toThrow(/"firstSeenAt" must be an ISO 8601 date when "publishedAt" is not one: found "hier"/);
    const unparsable = renderArchiveFile({ ...entryWith({}), publishedAt: 'décembre', firstSeenAt: '2026-13-45T10:00:00Z' });
    expect(() => parseArchiveFile(unparsable)).toThrow(InvalidFrontMatterError);
  });

  it('files an entry whose publication date is no date under its first-seen date, as the crawl wrote it', () => {
    const entry = { ...entryWith({}), publishedAt: 'décembre', dateSource: 'first-seen' as const };
    expect(parseArchiveFile(renderArchiveFile(entry))).toEqual(entry);
  });
});

describe('front matter: media', () => {
  const media = [{ url: 'https://www.beauvais.fr/docs/actualites/1409-marche.pdf', path: `media/${'c'.repeat(64)}-1409-marche.pdf`, sha256: 'c'.repeat(64), type: 'application/pdf', bytes: 1234 }];

  it('round-trips the media list, after the history', () => {
    const text = renderArchiveFile({ ...entryWith({}), media });
    expect(text).toContain('\nmedia:\n  - url: "https://www.beauvais.fr/docs/actualites/1409-marche.pdf"\n');
    expect(text.indexOf('\nmedia:')).toBeGreaterThan(text.indexOf('\nhistory:'));
    expect(parseArchiveFile(text).media).toEqual(media);
    expect(renderArchiveFile(entryWith({}))).not.toContain('media:');
  });

  it('names the field of a malformed media entry', () => {
    const text = renderArchiveFile({ ...entryWith({}), media }).replace('bytes: 1234', 'bytes: "beaucoup"');
    expect(() => parseArchiveFile(text)).toThrow(/"bytes" must be a whole number/);
  });
});
