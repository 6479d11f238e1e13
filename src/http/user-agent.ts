/** The User-Agent we announce: the product token robots.txt groups match, a version and a contact. */

/** The product token of this tool, matched against robots.txt `User-agent` lines (RFC 9309 §2.2.1). */
export const PRODUCT_TOKEN = 'beauvais-archive';

/** Where a webmaster learns who crawls them and why. */
const CONTACT = 'https://github.com/beauvais-archive/beauvais-archive';

/** The User-Agent header value for a given version of the tool. */
export function renderUserAgent(version: string): string {
  return `${PRODUCT_TOKEN}/${version} (+${CONTACT}; archive of www.beauvais.fr news)`;
}
