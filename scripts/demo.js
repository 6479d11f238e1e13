// `npm run demo`: serves the fixture mini-site on 127.0.0.1 and runs the real CLI against it, so a
// newcomer without network sees the tool work end to end: crawl (with the articles' pictures and
// documents), list the archive, show one file, show an article with its archived picture, crawl again
// (incremental: nothing written), export as CSV, and build the archive's website.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveFixtureSite } from './fixture-site.js';

const cli = fileURLToPath(new URL('../bin/beauvais-archive.js', import.meta.url));

function run(args) {
  console.error(`\n$ beauvais-archive ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('close', (code) => {
      console.error(`(exit ${code})`);
      resolve(code);
    });
  });
}

async function walk(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(
    entries.filter((e) => !e.name.startsWith('.')).map((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)])),
  );
  return files.flat().sort();
}

const site = await serveFixtureSite();
const out = await mkdtemp(join(tmpdir(), 'beauvais-demo-'));
try {
  console.error(`Fixture site on ${site.url}; archive in ${out}`);
  await run(['crawl', '--base-url', site.url, '--out', out, '--delay', '0', '--media']);
  const files = await walk(out);
  console.error(`\nThe archive (${files.length} files):`);
  for (const f of files) console.error(`  ${relative(out, f)}`);
  const first = files.find((f) => f.endsWith('.md') && !f.endsWith('README.md'));
  if (first) {
    console.error(`\n--- ${relative(out, first)} ---`);
    console.error(await readFile(first, 'utf8'));
  }
  // An article with its picture: the Markdown links to the copy under media/, the front matter names it.
  const pictured = [];
  for (const f of files.filter((name) => name.endsWith('.md'))) if ((await readFile(f, 'utf8')).includes('\nmedia:\n')) pictured.push(f);
  if (pictured[0]) {
    console.error(`\n--- ${relative(out, pictured[0])} (with its picture) ---`);
    console.error(await readFile(pictured[0], 'utf8'));
  }
  await run(['crawl', '--base-url', site.url, '--out', out, '--delay', '0', '--media']);
  await run(['export', '--out', out, '--format', 'csv', '--section', 'culture']);
  await run(['site', '--out', out]);
  console.error('\nThe reading room (open it in a browser, from the disk):');
  console.log(join(out, 'site', 'index.html'));
} finally {
  await site.close();
}
