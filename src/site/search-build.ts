/**
 * Writes the search index of a build. From nothing (or when articles were inserted among the old
 * ones, which renumbers them), every shard is built from every article's words. After a crawl, new
 * articles come last and changed ones keep their number, so only the shards that held or now hold
 * their words are read back from the site, patched and written; every other shard stays as it is.
 * A shard of the last build gone from the site folder cannot be patched: the index is then built whole.
 */
import {
  buildShards, parseShardFile, parseShardList, patchShard, renderDocChunks, renderSearchMeta, renderShardFile, type SearchRow, type Shard, toShardPath,
} from './search-index.js';
import type { SiteWriter } from './site-writer.js';

const SHARD_FILE = /^search\/t-(.+)\.js$/;

/** An article read again in this build: its words now (none if it is unreadable or gone), its shards in the last index. */
export interface ChangedDocument {
  readonly id: number;
  readonly weights: Readonly<Record<string, number>> | null;
  /** Its shards and their hashes now (`toShardList`); "" without words. */
  readonly shards: string;
  /** Its shards and their hashes in the last build (`toShardList`); "" when it was not indexed. */
  readonly previousShards: string;
}

/** How the index is written: every shard from every article, or the last build's shards patched. */
type SearchUpdate =
  | { readonly kind: 'full'; readonly shards: ReadonlyMap<string, Shard> }
  | { readonly kind: 'patch'; readonly changed: readonly ChangedDocument[] };

/**
 * Writes the shards, the result rows and the meta file. Returns false, having written and kept
 * nothing, when a patch needs a shard of the last build that is gone: the caller builds the index whole.
 */
export async function writeSearchIndex(writer: SiteWriter, rows: readonly (SearchRow | null)[], update: SearchUpdate): Promise<boolean> {
  const shardNames = update.kind === 'full' ? await writeAllShards(writer, update.shards) : await patchShards(writer, update.changed);
  if (shardNames === undefined) return false;
  for (const [path, text] of renderDocChunks(rows)) await writer.write(path, text);
  await writer.write('search/meta.js', renderSearchMeta(rows.length, shardNames));
  return true;
}

async function writeAllShards(writer: SiteWriter, shards: ReadonlyMap<string, Shard>): Promise<string[]> {
  for (const [name, shard] of shards) await writer.write(toShardPath(name), renderShardFile(name, shard));
  return [...shards.keys()];
}

/** The shard names of the patched index; undefined when a shard to patch is gone from the site folder. */
async function patchShards(writer: SiteWriter, changed: readonly ChangedDocument[]): Promise<string[] | undefined> {
  const previous = new Map(writer.previousFiles('search/t-').flatMap((f) => {
    const name = SHARD_FILE.exec(f)?.[1];
    return name ? [[name, f] as const] : [];
  }));
  const fresh = changed.flatMap((d) => (d.weights ? [{ id: d.id, weights: d.weights }] : []));
  const added = buildShards(fresh);
  // A shard is patched when some article's words or weights in it changed; elsewhere its postings are those already written.
  const dirty = new Set<string>();
  for (const doc of changed) {
    const before = parseShardList(doc.previousShards);
    const after = parseShardList(doc.shards);
    for (const [name, hash] of after) if (before.get(name) !== hash) dirty.add(name);
    for (const name of before.keys()) if (!after.has(name)) dirty.add(name);
  }
  // Every shard to patch is read before anything is kept or written: when one is gone, nothing is.
  const befores = new Map<string, Shard>();
  for (const name of dirty) {
    const path = previous.get(name);
    if (path === undefined) continue;
    const bytes = await writer.readPrevious(path);
    if (bytes === undefined) return undefined;
    befores.set(name, parseShardFile(bytes.toString('utf8')));
  }
  const removed = new Set(changed.map((d) => d.id));
  const names: string[] = [];
  for (const [name, path] of previous) {
    if (dirty.has(name)) continue;
    writer.keepPrevious(path);
    names.push(name);
  }
  for (const name of dirty) {
    const path = toShardPath(name);
    const shard = patchShard(befores.get(name) ?? new Map(), removed, added.get(name));
    if (shard.size === 0) continue;
    await writer.write(path, renderShardFile(name, shard));
    names.push(name);
  }
  return names;
}
