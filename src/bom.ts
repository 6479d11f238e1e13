/** The Unicode byte order mark, which some servers leave at the head of pages, robots.txt, sitemaps and feeds. */

/** A leading byte order mark: it would otherwise glue itself to the first token of the text. */
const LEADING_BOM = /^\uFEFF/;

/** The text without its leading byte order mark, if it has one. */
export function stripBom(text: string): string {
  return text.replace(LEADING_BOM, '');
}
