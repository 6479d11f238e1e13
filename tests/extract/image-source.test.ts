import { load } from 'cheerio';
import type { Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { bestImageSource } from '../../src/extract/image-source.js';

const imgOf = (html: string) => load(html)('img').get(0) as Element;

describe('bestImageSource', () => {
  it.each([
    ['<img src="/a.jpg">', '/a.jpg'],
    ['<img data-src="/lazy.jpg">', '/lazy.jpg'],
    ['<img src="/small.jpg" srcset="/small.jpg 320w, /large.jpg 1600w, /medium.jpg 800w">', '/large.jpg'],
    ['<img src="/a.jpg" srcset="/a.jpg, /a@2x.jpg 2x">', '/a@2x.jpg'],
    ['<picture><source srcset="/p-1200.webp 1200w, /p-600.webp 600w" type="image/webp"><img src="/p-300.jpg"></picture>', '/p-1200.webp'],
    ['<img srcset="/img,1.jpg 400w, /img,2.jpg 900w" src="/x.jpg">', '/img,2.jpg'],
  ])('%s → %s', (html, expected) => {
    expect(bestImageSource(imgOf(html))).toBe(expected);
  });
});
