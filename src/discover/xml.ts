/**
 * The one XML reading setup shared by the feed and sitemap parsers (fast-xml-parser, never regexes).
 *
 * Strict about structure, lenient about one common fault: a document that is not well-formed (cut
 * short, tags crossed) is refused whole, but a bare `&` in a URL (`index.php?option=com_content&view=…`,
 * written unescaped by many generators) is escaped first, so that one character does not lose a
 * whole feed. Namespace prefixes are dropped (`sm:urlset`, `dc:date`, `atom:link` read as `urlset`,
 * `date`, `link`).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { stripBom } from '../bom.js';

/** A parsed XML element: child elements and `@_`-prefixed attributes by name, text under `#text`. */
export type XmlNode = { readonly [name: string]: unknown };

/** Elements that may repeat and are always read as arrays. */
const REPEATED: ReadonlySet<string> = new Set(['item', 'entry', 'link', 'url', 'sitemap', 'guid']);

/** A CDATA section, kept apart: its `&` are literal text and must not be escaped. */
const CDATA_SECTION = /(<!\[CDATA\[[\s\S]*?\]\]>)/;

/** An `&` that starts no entity or character reference. */
const BARE_AMPERSAND = /&(?![a-z_][\w.-]*;|#\d+;|#x[0-9a-f]+;)/gi;

/** Parses XML text into nodes; null when it is not well-formed XML. */
export function parseXml(text: string): XmlNode | null {
  const repaired = escapeBareAmpersands(stripBom(text));
  if (XMLValidator.validate(repaired) !== true) return null;
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    // Keep every value a string: "3750" must not become a number, "0012" must keep its zeros.
    parseTagValue: false,
    parseAttributeValue: false,
    // Trimming each text piece separately glues CDATA to the text around it ("Beauvais<![CDATA[ la ville]]>").
    trimValues: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    isArray: (name) => REPEATED.has(name),
    // An Atom xhtml title is markup (RFC 4287 §3.1.1.3): kept as its raw source, so that its text
    // reads in document order (the object form would put `<b>` children before the text around them).
    stopNodes: ['..title[type=xhtml]'],
  });
  try {
    const root: unknown = parser.parse(repaired);
    return isNode(root) ? root : null;
  } catch {
    return null;
  }
}

/** Whether a parsed value is an element (an object, not a text or an array). */
export function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A child that may repeat, always as an array (absent → []). */
export function childrenOf(node: XmlNode, name: string): unknown[] {
  const value = node[name];
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** The first child element of that name, if it is an element. */
export function childNode(node: XmlNode, name: string): XmlNode | undefined {
  const first = childrenOf(node, name)[0];
  return isNode(first) ? first : undefined;
}

/** The text of a value (a text, an element's `#text`, or the first of an array), whitespace collapsed; null if empty. */
export function textOf(value: unknown): string | null {
  const raw = Array.isArray(value) ? value.map(rawText).find((text) => text !== null) ?? null : rawText(value);
  if (raw === null) return null;
  const text = raw.replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/** The text of a child element (the first with text, for repeated ones). */
export function childText(node: XmlNode, name: string): string | null {
  return textOf(childrenOf(node, name));
}

/** An attribute's value, or null. */
export function attrOf(node: XmlNode, name: string): string | null {
  const value = node[`@_${name}`];
  return typeof value === 'string' ? value : null;
}

/** Escapes bare ampersands outside CDATA sections (split puts the captured sections at odd indexes). */
function escapeBareAmpersands(text: string): string {
  return text
    .split(CDATA_SECTION)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(BARE_AMPERSAND, '&amp;')))
    .join('');
}

function rawText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (isNode(value)) {
    const text = value['#text'];
    return typeof text === 'string' ? text : null;
  }
  return null;
}
