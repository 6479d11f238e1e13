import { describe, expect, it } from 'vitest';
import { discoverMedia } from '../../src/media/discover.js';
import { toPlainText } from '../../src/extract/plain-text.js';
import { linkMedia, unlinkMedia } from '../../src/media/link.js';
import { confirmFormat, detectFamily, formatOfUrl, isCompatibleType } from '../../src/media/types.js';
import { jpegBytes, pdfBytes, pngBytes } from '../helpers/media-bytes.js';

const base = new URL('https://www.beauvais.fr');
const urlsOf = (markdown: string) => discoverMedia(markdown, base).map((m) => m.url);

describe('discoverMedia', () => {
  it.each([
    ['![Le marché](https://www.beauvais.fr/images/marche.jpg)', ['https://www.beauvais.fr/images/marche.jpg']],
    ['[le règlement](https://www.beauvais.fr/docs/actualites/1409-marche.pdf)', ['https://www.beauvais.fr/docs/actualites/1409-marche.pdf']],
    ['[tableau](https://beauvais.fr/docs/a.XLSX?v=2#page)', ['https://beauvais.fr/docs/a.XLSX?v=2']],
    ['[![vignette](https://www.beauvais.fr/images/thumb.jpg)](https://www.beauvais.fr/images/grand.jpg)', ['https://www.beauvais.fr/images/thumb.jpg', 'https://www.beauvais.fr/images/grand.jpg']],
    ['![sans extension](https://www.beauvais.fr/image.php?id=4)', ['https://www.beauvais.fr/image.php?id=4']],
  ])('%s is media', (markdown, expected) => {
    expect(urlsOf(markdown)).toEqual(expected);
  });

  it.each([
    ['a page link', '[la suite](https://www.beauvais.fr/actualites/culture/3770-x.html)'],
    ['another host', '![photo](https://cdn.example.org/photo.jpg) [pdf](https://example.org/a.pdf)'],
    ['a logo', '![Beauvais](https://www.beauvais.fr/images/logo-beauvais.png)'],
    ['a share button', '![](https://www.beauvais.fr/images/share_facebook.png)'],
    ['an icon', '![pdf](https://www.beauvais.fr/images/icons/pdf-icon.gif)'],
    ['mailto', '[écrire](mailto:contact@beauvais.fr)'],
  ])('%s is not media', (_name, markdown) => {
    expect(urlsOf(markdown)).toEqual([]);
  });

  it('never takes a document for furniture, whatever its name', () => {
    expect(urlsOf('[le partage des eaux](https://www.beauvais.fr/docs/partage-des-eaux.pdf)')).toEqual(['https://www.beauvais.fr/docs/partage-des-eaux.pdf']);
  });

  it('lists a file linked twice once', () => {
    const url = 'https://www.beauvais.fr/docs/a.pdf';
    expect(urlsOf(`[un](${url}) et [deux](${url}#p2)`)).toEqual([url]);
  });
});

describe('linkMedia', () => {
  it('points archived files at their copies, relative to the article, and leaves the rest', () => {
    const markdown = '![Le marché](https://www.beauvais.fr/images/marche.jpg)\n\n[PDF](https://www.beauvais.fr/docs/a.pdf) [page](https://www.beauvais.fr/x.html)';
    const media = [{ url: 'https://www.beauvais.fr/images/marche.jpg', path: 'media/ab12-marche.jpg', sha256: 'ab12', type: 'image/jpeg', bytes: 3 }];
    const linked = linkMedia(markdown, media, '2024/06/2024-06-01-marche.md');
    expect(linked).toBe(
      '![Le marché](../../media/ab12-marche.jpg "https://www.beauvais.fr/images/marche.jpg")\n\n[PDF](https://www.beauvais.fr/docs/a.pdf) [page](https://www.beauvais.fr/x.html)',
    );
    expect(unlinkMedia(linked)).toBe(markdown);
    expect(toPlainText(linked)).toBe(toPlainText(markdown));
  });
});

describe('media formats', () => {
  it('knows the real bytes of each family', () => {
    expect(detectFamily(jpegBytes('a'))).toBe('jpeg');
    expect(detectFamily(pngBytes('a'))).toBe('png');
    expect(detectFamily(pdfBytes('a'))).toBe('pdf');
    expect(detectFamily(Buffer.from('<!DOCTYPE html><title>Page introuvable</title>'))).toBeUndefined();
  });

  it('refuses bytes that contradict the extension, and a Content-Type that does', () => {
    const pdf = formatOfUrl(new URL('https://www.beauvais.fr/a.pdf'));
    expect(confirmFormat(pdfBytes('x'), pdf)?.ext).toBe('pdf');
    expect(confirmFormat(pngBytes('x'), pdf)).toBeUndefined();
    expect(confirmFormat(pngBytes('x'), undefined)?.ext).toBe('png');
    expect(isCompatibleType('application/pdf', pdf)).toBe(true);
    expect(isCompatibleType('application/octet-stream', pdf)).toBe(true);
    expect(isCompatibleType('text/html; charset=utf-8', pdf)).toBe(false);
    expect(isCompatibleType('image/webp', undefined)).toBe(true);
  });
});
