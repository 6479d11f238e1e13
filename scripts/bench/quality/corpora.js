/**
 * The corpora of the quality benchmark, read from folders the user gives:
 *   trafilatura: a checkout of adbar/trafilatura (its `tests/evaldata.json`, `tests/eval/`, `tests/cache/`);
 *   readability: a checkout of mozilla/readability (its `test/test-pages/<name>/`);
 *   fixtures: our own `fixtures/pages/` (always there).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';

/** The folder holding `evaldata.json`, given the repository or its `tests/` folder. @param {string} dir */
function trafilaturaTests(dir) {
  for (const candidate of [dir, path.join(dir, 'tests')]) if (existsSync(path.join(candidate, 'evaldata.json'))) return candidate;
  throw new Error(`no evaldata.json in ${dir} or ${dir}/tests (clone adbar/trafilatura and give its folder)`);
}

/**
 * trafilatura's evaluation pages with their snippets.
 * @param {string} dir
 * @returns {{ page: import('./peers.js').QualityPage, item: { with: string[], without: string[] } }[]}
 */
export function trafilaturaCorpus(dir) {
  const tests = trafilaturaTests(dir);
  /** @type {Record<string, { file: string, with: string[], without: string[] }>} */
  const data = JSON.parse(readFileSync(path.join(tests, 'evaldata.json'), 'utf8'));
  return Object.keys(data).sort().map((url) => {
    const item = /** @type {{ file: string, with: string[], without: string[] }} */ (data[url]);
    const file = ['cache', 'eval'].map((sub) => path.join(tests, sub, item.file)).find((f) => existsSync(f));
    if (!file) throw new Error(`${url}: ${item.file} not found under ${tests}/cache or /eval`);
    // The corpus gives bytes and a URL only: no Content-Type, each extractor sniffs the charset itself.
    return { page: { name: item.file, bytes: readFileSync(file), url, headers: {} }, item };
  });
}

/** The folder of Readability's test pages, given the repository or the folder itself. @param {string} dir */
function readabilityPagesDir(dir) {
  for (const candidate of [path.join(dir, 'test', 'test-pages'), dir]) if (existsSync(path.join(candidate, '001', 'source.html'))) return candidate;
  throw new Error(`no test/test-pages/001/source.html in ${dir} (clone mozilla/readability and give its folder)`);
}

/**
 * Readability's test pages: the source, the expected body text, title and publication time.
 * @param {string} dir
 */
export function readabilityCorpus(dir) {
  const root = readabilityPagesDir(dir);
  return readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => {
    const folder = path.join(root, d.name);
    const meta = JSON.parse(readFileSync(path.join(folder, 'expected-metadata.json'), 'utf8'));
    const expectedHtml = readFileSync(path.join(folder, 'expected.html'), 'utf8');
    const { document } = parseHTML(`<!doctype html><html><body>${expectedHtml}</body></html>`);
    return {
      // Readability's own tests load every page as http://fakehost/test/page.html.
      page: { name: d.name, bytes: readFileSync(path.join(folder, 'source.html')), url: 'http://fakehost/test/page.html', headers: { 'content-type': 'text/html; charset=utf-8' } },
      expected: { text: document.body?.textContent ?? '', title: String(meta.title ?? ''), publishedTime: meta.publishedTime ?? null, readerable: meta.readerable !== false },
    };
  });
}

/**
 * Our fixture pages: whether each is an article, and its with/without strings when it has some.
 * @param {string} root  the repository root
 */
export function fixtureCorpus(root) {
  const dir = path.join(root, 'fixtures', 'pages');
  return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => {
    const folder = path.join(dir, d.name);
    const meta = JSON.parse(readFileSync(path.join(folder, 'meta.json'), 'utf8'));
    const expected = JSON.parse(readFileSync(path.join(folder, 'expected.json'), 'utf8'));
    const checksFile = path.join(folder, 'checks.json');
    const checks = existsSync(checksFile) ? JSON.parse(readFileSync(checksFile, 'utf8')) : { with: [], without: [] };
    return {
      page: { name: d.name, bytes: readFileSync(path.join(folder, 'source.html')), url: String(meta.url), headers: meta.headers ?? {} },
      isArticle: expected.kind === 'article',
      item: { with: checks.with ?? [], without: checks.without ?? [] },
    };
  });
}
