import { describe, expect, it } from 'vitest';
import { BodyTooLargeError, failureKind, HttpStatusError, isGone, NetworkError, NotHtmlError, OffSiteRedirectError } from '../../src/errors.js';

const URL_ = 'https://www.beauvais.fr/a.html';

describe('failureKind: how a crawl handles a failed fetch', () => {
  it('says 404 and 410 are gone, and nothing else', () => {
    expect([404, 410, 403, 500].map((status) => isGone(new HttpStatusError(URL_, status)))).toEqual([true, true, false, false]);
    expect(failureKind(new HttpStatusError(URL_, 410))).toBe('gone');
  });

  it('skips an off-site redirect and the caller’s own skippable errors, and retries the rest', () => {
    expect(failureKind(new OffSiteRedirectError(URL_, 'https://ailleurs.example/', 302))).toBe('skipped');
    expect(failureKind(new NotHtmlError(URL_, 'application/pdf'), [NotHtmlError])).toBe('skipped');
    expect(failureKind(new NotHtmlError(URL_, 'application/pdf'), [BodyTooLargeError])).toBe('retry');
    expect(failureKind(new HttpStatusError(URL_, 503), [NotHtmlError])).toBe('retry');
    expect(failureKind(new NetworkError(URL_, new Error('ECONNRESET')))).toBe('retry');
  });
});
