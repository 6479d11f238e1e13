/** The one-line summary each command prints on stderr at the end ("crawl summary: fetched 3, …"). */

/** `<title> summary: <label> <value>, …` and a newline. */
export function renderSummaryLine(title: string, fields: ReadonlyArray<readonly [label: string, value: number | string]>): string {
  return `${title} summary: ${fields.map(([label, value]) => `${label} ${value}`).join(', ')}\n`;
}
