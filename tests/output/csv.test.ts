import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, renderCsvField, renderCsvHeader, renderCsvRow } from '../../src/output/csv.js';
import type { ArchiveRecord } from '../../src/output/record.js';

describe('renderCsvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['il a dit "oui"', '"il a dit ""oui"""'],
    ['deux\nlignes', '"deux\nlignes"'],
  ])('%j becomes %j', (input, expected) => {
    expect(renderCsvField(input)).toBe(expected);
  });
  it('writes null as an empty field', () => {
    expect(renderCsvField(null)).toBe('');
  });
});

describe('renderCsvRow', () => {
  it('puts every column in header order, lists as JSON or space-separated', () => {
    const record: ArchiveRecord = {
      id: '3750', url: 'https://www.beauvais.fr/a/3750-x.html', title: 'Titre, avec virgule', publishedAt: '2018-06-14',
      updatedAt: null, dateSource: 'time[datetime]', section: 'Actualités', initiatives: [{ heading: 'Au programme', items: ['a', 'b'] }],
      markdown: 'Corps', text: 'Corps', contentHash: `sha256:${'0'.repeat(64)}`, fetchedAt: '2026-11-26T10:00:00.000Z',
      aliases: ['https://www.beauvais.fr/b/3750-x.html', 'https://www.beauvais.fr/index.php?id=3750'], path: '2018/06/2018-06-14-x.md',
      firstSeenAt: '2026-11-26T10:00:00.000Z',
    };
    expect(renderCsvHeader()).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
    const row = renderCsvRow(record);
    expect(row.startsWith('3750,https://www.beauvais.fr/a/3750-x.html,"Titre, avec virgule",2018-06-14,,time[datetime],')).toBe(true);
    expect(row).toContain('"[{""heading"":""Au programme"",""items"":[""a"",""b""]}]"');
    expect(row).toContain('https://www.beauvais.fr/b/3750-x.html https://www.beauvais.fr/index.php?id=3750');
    expect(row.endsWith(',Corps\r\n')).toBe(true);
  });
});

describe('renderCsvRow with media', () => {
  it('lists the archived media paths, space-separated, before the text', () => {
    const media = [
      { url: 'https://www.beauvais.fr/images/a.jpg', path: `media/${'a'.repeat(64)}-a.jpg`, sha256: 'a'.repeat(64), type: 'image/jpeg', bytes: 10 },
      { url: 'https://www.beauvais.fr/docs/b.pdf', path: `media/${'b'.repeat(64)}-b.pdf`, sha256: 'b'.repeat(64), type: 'application/pdf', bytes: 20 },
    ];
    const record: ArchiveRecord = {
      id: '1', url: 'https://www.beauvais.fr/a/1-x.html', title: 'T', publishedAt: null, updatedAt: null, dateSource: null, section: null,
      initiatives: [], markdown: 'Corps', text: 'Corps', contentHash: `sha256:${'0'.repeat(64)}`, fetchedAt: '2026-11-26T10:00:00.000Z',
      aliases: [], path: '2026/11/2026-11-26-t.md', firstSeenAt: '2026-11-26T10:00:00.000Z', media,
    };
    expect(renderCsvRow(record).endsWith(`,media/${'a'.repeat(64)}-a.jpg media/${'b'.repeat(64)}-b.pdf,Corps\r\n`)).toBe(true);
  });
});
