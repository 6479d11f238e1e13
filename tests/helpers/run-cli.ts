/** Spawns the built CLI (bin/beauvais-archive.js) the way a user or cron does, and collects what it printed. */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../bin/beauvais-archive.js', import.meta.url));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunningCli {
  child: ChildProcess;
  /** Everything printed so far. */
  output: { stdout: string; stderr: string };
  done: Promise<CliResult>;
}

/** Starts the CLI with `args`; stdin is closed, as under cron. */
export function startCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): RunningCli {
  const child = spawn(process.execPath, [CLI, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env, FORCE_COLOR: '0' },
  });
  const output = { stdout: '', stderr: '' };
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output.stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output.stderr += chunk));
  const done = new Promise<CliResult>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, ...output }));
  });
  return { child, output, done };
}

/** Runs the CLI to completion. */
export function runCli(args: readonly string[], env?: NodeJS.ProcessEnv): Promise<CliResult> {
  return startCli(args, env).done;
}

/** Resolves once `predicate` holds for the output so far (polled), or rejects after `timeoutMs`. */
export async function waitForOutput(run: RunningCli, predicate: (o: RunningCli['output']) => boolean, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!predicate(run.output)) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for output; stderr so far:\n${run.output.stderr}`);
    if (run.child.exitCode !== null) throw new Error(`the CLI exited (${run.child.exitCode}) first; stderr:\n${run.output.stderr}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Parses NDJSON, failing on any line that is not a JSON object (stdout must carry data only). */
export function parseNdjson(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const value: unknown = JSON.parse(line);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`not a JSON object: ${line}`);
      return value as Record<string, unknown>;
    });
}
