/**
 * `verify`: checks the archive without network. Every file must parse; its contentHash must be that
 * of its text; the WARC record its front matter names must exist and its payload digest must check
 * out (a revisit is followed to the response holding its payload); its history files must exist; no
 * id and no text may be archived twice; every media file an article or its history names must exist
 * and hash to its SHA-256 (verify-media.ts). Problems go to stdout as NDJSON `{path, problem}` (data), the
 * summary to stderr. WARC files are read once per round, for all the records wanted from them.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { isMissing, resolveInside, toRelativeInside } from '../archive/atomic-write.js';
import { readArchive } from '../archive/store.js';
import type { WarcRef } from '../archive/types.js';
import { DEFAULT_OUT } from '../config.js';
import { ExitCode } from '../exit-codes.js';
import { hashText, toPlainText } from '../extract/index.js';
import { createLogger, silentLogger, type Logger } from '../log.js';
import { listWarcFiles, readWarcFile, toWarcDir, type StoredResponse } from '../warc/index.js';
import { type CommandContext, writeOut } from './context.js';
import { isSameAlgorithm, payloadProblem } from './verify-digest.js';
import { checkMediaFiles, historyMediaUses, type MediaUse } from './verify-media.js';

export interface VerifyOptions {
  readonly outDir: string;
}

/** One thing wrong, about one file (an archive file, or a WARC file that is damaged). */
export interface Problem {
  /** Relative to `<out>`, POSIX separators. */
  readonly path: string;
  readonly problem: string;
}

/** What verifying found. */
export interface VerifyReport {
  readonly files: number;
  readonly problems: readonly Problem[];
}

/** Validates the verify command's raw options. */
export function resolveVerifyOptions(raw: { out?: string }): VerifyOptions {
  return { outDir: raw.out ?? DEFAULT_OUT };
}

/** Runs `verify`: 0 when everything holds, 3 with the problems on stdout, 1 when there is no archive. */
export async function runVerify(options: VerifyOptions, ctx: CommandContext): Promise<number> {
  const logger = createLogger('normal', (line) => ctx.stderr.write(line));
  if (!(await stat(options.outDir).catch(() => null))?.isDirectory()) {
    logger.error(`${options.outDir}: no archive folder there`);
    return ExitCode.fatal;
  }
  const report = await verifyArchive(options.outDir);
  for (const problem of report.problems) await writeOut(ctx.stdout, `${JSON.stringify(problem)}\n`);
  const verdict = report.problems.length === 0 ? 'all checks passed' : `${report.problems.length} problem(s)`;
  ctx.stderr.write(`verify summary: ${report.files} archive files, ${verdict}\n`);
  return report.problems.length === 0 ? ExitCode.ok : ExitCode.partial;
}

/** Every problem of the archive in `outDir`, sorted by path. */
export async function verifyArchive(outDir: string): Promise<VerifyReport> {
  const problems: Problem[] = [];
  const refs: Array<{ path: string; ref: WarcRef }> = [];
  const byId = new Map<string, string[]>();
  const byHash = new Map<string, string[]>();
  const idOf = new Map<string, string>();
  const mediaUses: MediaUse[] = [];
  const historyUses: MediaUse[] = [];
  let files = 0;
  for await (const item of readArchive(outDir)) {
    files += 1;
    if ('error' in item) {
      problems.push({ path: item.path, problem: `unreadable: ${item.error}` });
      continue;
    }
    const { entry } = item;
    const report = (problem: string) => problems.push({ path: item.path, problem });
    if (hashText(toPlainText(entry.markdown)) !== entry.contentHash) report('contentHash does not match the text (edited after it was archived?)');
    addTo(byId, entry.id, item.path);
    addTo(byHash, entry.contentHash, item.path);
    idOf.set(item.path, entry.id);
    for (const history of entry.history) {
      const uses = await historyMediaUses(outDir, history);
      if (uses === null) report(`history file ${history} is missing`);
      else historyUses.push(...uses);
    }
    if (entry.warc) refs.push({ path: item.path, ref: entry.warc });
    for (const media of entry.media ?? []) mediaUses.push({ path: item.path, media });
  }
  for (const [id, paths] of byId) {
    for (const p of paths.length > 1 ? paths : []) problems.push({ path: p, problem: `duplicate: article ${id} is also archived in ${others(paths, p)}` });
  }
  for (const [hash, paths] of byHash) {
    // A second file of the same id is already reported as such.
    for (const p of paths) {
      const elsewhere = others(paths.filter((o) => idOf.get(o) !== idOf.get(p)), p);
      if (elsewhere) problems.push({ path: p, problem: `duplicate: the same text (${hash}) is also archived in ${elsewhere}, under another id` });
    }
  }
  problems.push(...(await checkWarcRefs(outDir, refs)));
  problems.push(...(await checkMediaFiles(outDir, [...mediaUses, ...historyUses])));
  return { files, problems: problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
}

/** What the first round keeps of a revisit: enough to check it against its original. */
interface PendingRevisit {
  readonly path: string;
  readonly recordId: string;
  readonly payloadDigest: string | null;
}

/** Checks the WARC records the entries name: one read per file, then one more round for revisits. */
async function checkWarcRefs(outDir: string, refs: ReadonlyArray<{ path: string; ref: WarcRef }>): Promise<Problem[]> {
  const problems: Problem[] = [];
  const wantedByFile = new Map<string, Map<string, string[]>>();
  for (const { path: entryPath, ref } of refs) {
    let file: string;
    try {
      file = resolveInside(outDir, ref.file);
    } catch {
      problems.push({ path: entryPath, problem: `WARC file ${ref.file} is outside the archive` });
      continue;
    }
    const wanted = wantedByFile.get(file) ?? new Map<string, string[]>();
    wantedByFile.set(file, wanted);
    addTo(wanted, ref.recordId, entryPath);
  }

  const revisits = new Map<string, PendingRevisit[]>();
  for (const [file, wanted] of wantedByFile) {
    const name = toRelativeInside(outDir, file);
    const found = await scanFile(outDir, file, (id) => wanted.has(id), problems, (record) => {
      const report = (problem: string) => {
        for (const entryPath of wanted.get(record.recordId) ?? []) problems.push({ path: entryPath, problem });
      };
      if (record.kind === 'response') {
        const problem = payloadProblem(record);
        if (problem) report(problem);
        return;
      }
      const original = record.revisit?.recordId;
      if (!original) return report(`WARC record ${record.recordId} is a revisit that names no original record (WARC-Refers-To)`);
      for (const entryPath of wanted.get(record.recordId) ?? []) addTo(revisits, original, { path: entryPath, recordId: record.recordId, payloadDigest: record.payloadDigest });
    });
    if (found === null) {
      for (const paths of wanted.values()) for (const p of paths) problems.push({ path: p, problem: `WARC file ${name} is missing` });
      continue;
    }
    for (const [id, paths] of wanted) {
      if (!found.has(id)) for (const p of paths) problems.push({ path: p, problem: `WARC record ${id} is not in ${name}` });
    }
  }
  if (revisits.size > 0) problems.push(...(await checkRevisits(outDir, revisits, [...wantedByFile.keys()])));
  return problems;
}

/** Second round: each revisit's original must be a response whose payload has the revisit's digest. */
async function checkRevisits(outDir: string, revisits: ReadonlyMap<string, PendingRevisit[]>, refFiles: readonly string[]): Promise<Problem[]> {
  const problems: Problem[] = [];
  const own = await listWarcFiles(toWarcDir(outDir)).catch(() => []);
  const files = [...new Set([...own.map((f) => path.resolve(f)), ...refFiles])];
  const found = new Set<string>();
  for (const file of files) {
    await scanFile(outDir, file, (id) => revisits.has(id) && !found.has(id), problems, (original) => {
      found.add(original.recordId);
      for (const revisit of revisits.get(original.recordId) ?? []) {
        const report = (problem: string) => problems.push({ path: revisit.path, problem });
        if (original.kind !== 'response') return report(`revisit ${revisit.recordId} refers to ${original.recordId}, which is not a response`);
        const problem = payloadProblem(original);
        if (problem) report(`revisit ${revisit.recordId} refers to a damaged original: ${problem}`);
        else if (revisit.payloadDigest && original.payloadDigest && isSameAlgorithm(revisit.payloadDigest, original.payloadDigest) && revisit.payloadDigest !== original.payloadDigest) {
          report(`revisit ${revisit.recordId} has digest ${revisit.payloadDigest} but its original ${original.recordId} has ${original.payloadDigest}`);
        }
      }
    });
  }
  for (const [id, pending] of revisits) {
    if (found.has(id)) continue;
    for (const revisit of pending) problems.push({ path: revisit.path, problem: `revisit ${revisit.recordId} refers to ${id}, which is in no WARC file of the archive` });
  }
  return problems;
}

/**
 * Reads the selected records of one file, handing each to `visit`; a torn or unreadable part is a
 * problem of that file. Returns the ids seen, or null when the file does not exist.
 */
async function scanFile(
  outDir: string,
  file: string,
  select: (recordId: string) => boolean,
  problems: Problem[],
  visit: (record: StoredResponse) => void,
): Promise<Set<string> | null> {
  const name = toRelativeInside(outDir, file);
  // The reader warns of torn or unreadable data, its message prefixed by the file's absolute path.
  const logger: Logger = { ...silentLogger, warn: (message) => problems.push({ path: name, problem: message.replace(`${file}: `, '') }) };
  const seen = new Set<string>();
  try {
    for await (const record of readWarcFile(file, { select, logger })) {
      seen.add(record.recordId);
      visit(record);
    }
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
  return seen;
}

/** The other paths of a group, comma-separated ("" when there is none). */
function others(paths: readonly string[], self: string): string {
  return paths.filter((p) => p !== self).join(', ');
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
