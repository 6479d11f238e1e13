/** The record schema checks the formats it declares: a malformed URL or date-time is an error, not a pass. */
import { describe, expect, it } from 'vitest';
import { schemaErrors } from '../helpers/schema.js';

const VALID = {
  id: '3751',
  url: 'https://www.beauvais.fr/actualites/vie-municipale/3751-beauvais.html',
  title: 'Beauvais labellisée',
  publishedAt: '2017-12-08T10:30:00+01:00',
  updatedAt: null,
  dateSource: 'time[datetime]',
  section: 'Vie municipale',
  initiatives: [],
  markdown: 'Texte.',
  text: 'Texte.',
  contentHash: `sha256:${'0'.repeat(64)}`,
  fetchedAt: '2026-11-26T10:00:00.000Z',
  firstSeenAt: '2026-11-26T10:00:00.000Z',
};

describe('record schema formats', () => {
  it('accepts a well-formed record', () => {
    expect(schemaErrors(VALID)).toEqual([]);
  });

  it('checks every alias as a URL', () => {
    expect(schemaErrors({ ...VALID, aliases: ['https://www.beauvais.fr/a.html', 'https://www.beauvais.fr/%zz'] })).toContainEqual(expect.stringMatching(/^\/aliases\/1 must match format "uri"/u));
  });

  it.each([
    ['fetchedAt', 'yesterday'],
    ['fetchedAt', '2026-11-26'],
    ['fetchedAt', '2026-13-40T10:00:00Z'],
    ['firstSeenAt', '26/11/2026 10:00'],
    ['url', 'https://www.beauvais.fr/a b.html'],
    ['url', 'https://www.beauvais.fr/%zz.html'],
  ])('rejects %s = %j', (field, value) => {
    expect(schemaErrors({ ...VALID, [field]: value })).toContainEqual(expect.stringMatching(new RegExp(`^/${field} must (match format|match pattern)`)));
  });
});
