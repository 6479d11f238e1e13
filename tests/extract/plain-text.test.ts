import { describe, expect, it } from 'vitest';
import { element } from '../../src/extract/clean-tree.js';
import { createMarkdownConverter, hashText, toPlainText } from '../../src/extract/index.js';

describe('toPlainText derives the text from the Markdown alone', () => {
  it.each([
    ['## Un intertitre', 'Un intertitre'],
    ['Un **mot fort** et un _mot penché_.', 'Un mot fort et un mot penché.'],
    ['Voir [la page](https://www.beauvais.fr/a.html) ici.', 'Voir la page ici.'],
    ['![La cathédrale](https://www.beauvais.fr/c.jpg)', 'La cathédrale'],
    ['[![Le logo](https://x.fr/l.png)](https://x.fr/)', 'Le logo'],
    ['- un ;\n- deux.', '- un ;\n- deux.'],
    ['- parent :\n  - enfant', '- parent :\n- enfant'],
    ['1. premier\n2. second', '1. premier\n2. second'],
    ['| Lieu | Heure |\n| --- | --- |\n| Place | 20h |', 'Lieu\tHeure\nPlace\t20h'],
    ['| a \\| b | c |\n| --- | --- |', 'a | b\tc'],
    ['> Une citation', 'Une citation'],
    ['budget\\_2024 coûte 5 \\* 3 € \\[environ\\]', 'budget_2024 coûte 5 * 3 € [environ]'],
    ['1\\. pas une liste', '1. pas une liste'],
    ['ligne un\\\nligne deux', 'ligne un\nligne deux'],
    ['avant\n\n---\n\naprès', 'avant\n\naprès'],
    ['du type &lt;script> et &amp;lt;', 'du type <script> et &lt;'],
    ['un `code_avec_tirets` ici', 'un code_avec_tirets ici'],
    ['```\nconst a_b = 1;\n```', 'const a_b = 1;'],
    ['un\n\n\n\ndeux', 'un\n\ndeux'],
  ])('%j', (markdown, expected) => {
    expect(toPlainText(markdown)).toBe(expected);
  });

  it('gives back the text a reader sees, for Markdown written by the converter', () => {
    // <p>Le <strong>budget_2024</strong> : 5 * 3 € [environ], &lt;b&gt; et [lien] <a href="https://x.fr/a_(b)">ici</a>.</p><ul><li>un ;</li><li>deux.</li></ul>
    const body = element('div', {}, [
      element('p', {}, ['Le ', element('strong', {}, ['budget_2024']), ' : 5 * 3 € [environ], <b> et [lien] ', element('a', { href: 'https://x.fr/a_(b)' }, ['ici']), '.']),
      element('ul', {}, [element('li', {}, ['un ;']), element('li', {}, ['deux.'])]),
    ]);
    const markdown = createMarkdownConverter().toMarkdown(body);
    expect(toPlainText(markdown)).toBe('Le budget_2024 : 5 * 3 € [environ], <b> et [lien] ici.\n\n- un ;\n- deux.');
  });
});

describe('hashText', () => {
  it('is "sha256:" and 64 hex digits', () => {
    expect(hashText('Beauvais')).toMatch(/^sha256:[0-9a-f]{64}$/u);
  });

  it.each([
    ['extra spaces and newlines', 'Un  texte\n\nsur deux lignes ', 'Un texte sur deux lignes'],
    ['non-breaking spaces', 'Beauvais\u00A0: la ville', 'Beauvais : la ville'],
    ['decomposed accents (NFD)', 'e\u0301te\u0301', '\u00E9t\u00E9'],
  ])('ignores %s', (_name, a, b) => {
    expect(hashText(a)).toBe(hashText(b));
  });

  it('changes when a word changes', () => {
    expect(hashText('Beauvais labellisée 5 arobases')).not.toBe(hashText('Beauvais labellisée 4 arobases'));
  });

  it('keeps typographic apostrophes distinct from straight ones', () => {
    expect(hashText('l’office')).not.toBe(hashText("l'office"));
  });
});
