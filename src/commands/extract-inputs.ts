/**
 * The inputs of `extract`: page URLs, saved HTML files, or `-` for one page on stdin, from the
 * command line and from `--input-file` (one a line). Checked before any page is read, so a typo in a
 * file name is a usage error at once rather than a failure found after an hour of fetching.
 */
import { readFile, stat } from 'node:fs/promises';
import { UsageError } from '../errors.js';

/** What an input names. */
export type InputKind = 'url' | 'stdin' | 'file';

/**
 * An input that starts as a URL is one, even a malformed one: it then fails alone as "not a URL",
 * where isAbsoluteUrl (discover/urls.ts) would send `http://` to be read as a missing file.
 */
const URL_INPUT = /^https?:\/\//iu;

/** Whether an input is a URL to fetch, stdin, or a file to read. */
export function toInputKind(input: string): InputKind {
  if (input === '-') return 'stdin';
  return URL_INPUT.test(input) ? 'url' : 'file';
}

/** The inputs of a list file: one a line, surrounding spaces trimmed, blank lines and `#` comments skipped. */
export function parseInputList(text: string): string[] {
  return text
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** The command line's inputs followed by the list file's; a usage error when there are none or a file is missing. */
export async function collectInputs(args: readonly string[], inputFile: string | undefined): Promise<string[]> {
  const inputs = [...args];
  if (inputFile !== undefined) inputs.push(...parseInputList(await readInputFile(inputFile)));
  if (inputs.length === 0) throw new UsageError('missing required argument: name at least one page (a URL, an HTML file, - for stdin) or --input-file <list>');
  if (inputs.filter((input) => input === '-').length > 1) throw new UsageError('- (stdin) can be read only once');
  const missing: string[] = [];
  for (const input of inputs) {
    if (toInputKind(input) !== 'file') continue;
    const found = await stat(input).catch(() => null);
    if (!found?.isFile()) missing.push(`cannot read ${input}: ${found ? 'not a file' : 'no such file'}`);
  }
  if (missing.length > 0) throw new UsageError(missing.join('; '));
  return inputs;
}

async function readInputFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`--input-file: cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : String(code ?? error)}`);
  }
}
