/** Types of metrics.js: the quality benchmark's scores, shared with the regression test. */
export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}
export function norm(text: string): string;
export function emptyConfusion(): Confusion;
export function countSnippets(sum: Confusion, item: { with: string[]; without: string[] }, text: string | null): Confusion;
export function scores(c: Confusion): { precision: number; recall: number; accuracy: number; f: number };
export function tokens(text: string): string[];
export function tokenF1(got: string, expected: string): number;
export function parisDay(value: string | null | undefined): string | null;
export function reasonKey(reason: string): string;
export function renderReasons(reasons: Map<string, number>): string;
