/** Worker-thread entry of the page analyser pool (piscina calls the default export). */
import { analysePage, type PageAnalysis, type PageInput } from './analyse-page.js';

export default function analyse(input: PageInput): PageAnalysis {
  return analysePage(input);
}
