/** Runs a measured Node child process: wall time, exit code, output, and its own peak RSS and CPU. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PRELOAD = pathToFileURL(fileURLToPath(new URL('./usage-preload.js', import.meta.url))).href;

/**
 * @typedef {object} ChildRun
 * @property {number | null} code   exit code (null when killed by a signal)
 * @property {string | null} signal
 * @property {number} wallMs        from spawn to exit, as the parent saw it
 * @property {{ maxRssKb: number, userUs: number, systemUs: number } | null} usage  the child's getrusage at exit
 * @property {string} stdout
 * @property {string} stderr
 */

/**
 * Spawns `node [--import usage-preload] <args>` and waits for it.
 * @param {readonly string[]} args  script and its arguments
 * @param {{ cwd?: string, env?: Record<string, string>, measure?: boolean, timeoutMs?: number }} [options]
 *   `measure` (default true) adds the usage preload; start-up timings leave it out.
 * @returns {Promise<ChildRun>}
 */
export async function runNode(args, options = {}) {
  const measure = options.measure ?? true;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-usage-'));
  const usageFile = path.join(dir, 'usage.json');
  const nodeArgs = measure ? ['--import', PRELOAD, ...args] : [...args];
  const started = performance.now();
  const child = spawn(process.execPath, nodeArgs, {
    cwd: options.cwd ?? process.cwd(),
    env: { ...process.env, ...options.env, BENCH_USAGE_FILE: measure ? usageFile : '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  /** @type {Buffer[]} */
  const out = [];
  /** @type {Buffer[]} */
  const err = [];
  child.stdout.on('data', (chunk) => out.push(chunk));
  child.stderr.on('data', (chunk) => err.push(chunk));
  const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
  /** @type {[number | null, string | null]} */
  const [code, signal] = await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (c, s) => resolve([c, s]));
  });
  const wallMs = performance.now() - started;
  clearTimeout(timer);
  let usage = null;
  try {
    usage = measure ? JSON.parse(readFileSync(usageFile, 'utf8')) : null;
  } catch {
    // Killed before its 'exit' event: no figures.
  }
  rmSync(dir, { recursive: true, force: true });
  return { code, signal, wallMs, usage, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

/**
 * CPU time (user + system) of a run, in milliseconds; NaN without figures.
 * @param {ChildRun} run
 */
export function cpuMs(run) {
  return run.usage ? (run.usage.userUs + run.usage.systemUs) / 1000 : Number.NaN;
}

/**
 * The last lines of a failed run's stderr, for the report.
 * @param {ChildRun} run
 */
export function failureNote(run) {
  const tail = run.stderr.trim().split('\n').slice(-3).join(' | ');
  return `exit ${run.code ?? run.signal}${tail ? `: ${tail.slice(0, 300)}` : ''}`;
}
