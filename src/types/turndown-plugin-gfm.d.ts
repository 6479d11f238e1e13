/** Types for @joplin/turndown-plugin-gfm (a CommonJS package that ships none). */
declare module '@joplin/turndown-plugin-gfm' {
  import type TurndownService from 'turndown';

  /** All GFM extensions: strikethrough, tables, task lists, highlighted code blocks. */
  export const gfm: TurndownService.Plugin;
  export const tables: TurndownService.Plugin;
  export const strikethrough: TurndownService.Plugin;
  export const taskListItems: TurndownService.Plugin;
  export const highlightedCodeBlock: TurndownService.Plugin;
}
