/**
 * The CLI as a bundle: `tsc` compiles src/ to dist/ (the library, its types, and the bundle's
 * input), then this folds dist/cli.js and the modules it loads, dependencies included, into a few
 * files beside it. Node 20 resolves, reads and links each ES module apart; `extract` loaded ~190 of
 * them, and a bundle starts about 150 ms sooner (README, Performance: researchers call `extract` in
 * shell loops). The command modules stay lazily loaded chunks, as in the sources.
 *
 * Everything lands flat in dist/, so relative paths read from `import.meta.url` mean the same in the
 * bundle as in the compiled sources: `../package.json` (version.ts) and `./analyse-worker.js`
 * (analyser-pool.ts, hence the worker's own entry below).
 */
import { defineConfig } from 'rolldown';

export default defineConfig({
  input: { 'cli.bundle': 'dist/cli.js', 'analyse-worker': 'dist/commands/analyse-worker.js' },
  platform: 'node',
  // encoding-sniffer reads one function, labelToName ("latin1" → "windows-1252"), from
  // @exodus/bytes/encoding.js, which also registers the multi-byte decoders: 265 KB of tables that
  // every `extract` would compile. encoding-lite.js exports the same labelToName without them; pages
  // are decoded by TextDecoder or iconv-lite (extract/decode.ts), never by @exodus/bytes.
  resolve: { alias: { '@exodus/bytes/encoding.js': '@exodus/bytes/encoding-lite.js' } },
  // Left in node_modules: Piscina starts its workers from a file found beside its own code, and
  // write-file-atomic names its temporary files after its own `__filename`, which ES modules lack.
  external: ['piscina', 'write-file-atomic'],
  output: {
    dir: 'dist',
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunk-[name]-[hash].js',
    sourcemap: true,
  },
});
