import { describe, expect, it } from 'vitest';
import { type CleanNode, element as el } from '../../src/extract/clean-tree.js';
import { createMarkdownConverter } from '../../src/extract/markdown.js';

const toMarkdown = (...children: CleanNode[]) => createMarkdownConverter().toMarkdown(el('div', {}, children));

describe('Markdown of a cleaned body (Turndown on a DOM view of it)', () => {
  it('reads neighbouring texts as one: a paragraph starting "1. " stays a paragraph', () => {
    // The cleaner can leave "1" and ". suite" apart (an unwrapped tag between them); Turndown escapes
    // each text node on its own, and would miss the list marker the two make together.
    expect(toMarkdown(el('p', {}, ['1', '. suite du texte']))).toBe('1\\. suite du texte');
  });

  it('writes a table with a header row as a GFM table, rows without a <tbody> included', () => {
    const table = el('table', {}, [
      el('thead', {}, [el('tr', {}, [el('th', {}, ['Lieu']), el('th', { align: 'right' }, ['Heure'])])]),
      el('tr', {}, [el('td', {}, ['Place Jeanne-Hachette']), el('td', { align: 'right' }, ['20h'])]),
      el('tr', {}, [el('td', {}, ['Cathédrale']), el('td', { align: 'right' }, ['21h'])]),
    ]);
    expect(toMarkdown(table)).toBe('| Lieu | Heure |\n| --- | ---: |\n| Place Jeanne-Hachette | 20h |\n| Cathédrale | 21h |');
  });

  it('keeps as HTML a table Markdown cannot hold (a list in a cell), its rows in a <tbody> as a browser writes them', () => {
    const table = el('table', {}, [el('tr', {}, [el('td', {}, ['Tarifs < 5 € & "réduits"']), el('td', {}, [el('ul', {}, [el('li', {}, ['enfants'])])])])]);
    expect(toMarkdown(table)).toBe(
      '<div class="joplin-table-wrapper"><table><tbody><tr><td>Tarifs &lt; 5 € &amp; "réduits"</td><td><ul><li>enfants</li></ul></td></tr></tbody></table></div>',
    );
  });

  it('keeps the text of table cells found outside any table (a broken page) instead of failing', () => {
    expect(toMarkdown(el('p', {}, ['Horaires : ', el('td', {}, ['de 9h à 12h'])]), el('tr', {}, [el('th', {}, ['Fermé le lundi'])]))).toBe(
      'Horaires : de 9h à 12h\n\nFermé le lundi',
    );
  });

  it('numbers an ordered list from its start and nests lists under their item', () => {
    const list = el('ol', { start: '3' }, [el('li', {}, ['trois', el('ul', {}, [el('li', {}, ['détail'])])]), el('li', {}, ['quatre'])]);
    expect(toMarkdown(list)).toBe('3. trois\n   - détail\n4. quatre');
  });
});
