/**
 * Disks that fail for real: a script run as root of a private user and mount namespace
 * (`unshare -rm`), where it may mount a tiny tmpfs (a full disk: ENOSPC) or a read-only bind mount
 * (EROFS, which root cannot override, unlike a chmod) without touching the machine's own mounts.
 * The mounts vanish with the script; what a test must inspect afterwards, the script copies out.
 */
import { spawn } from 'node:child_process';
import type { CliResult } from './run-cli.js';

/** Runs `sh -c script` with `args` as $1… in a private mount namespace; resolves with its output and exit code. */
export function runInMountNamespace(script: string, args: readonly string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('unshare', ['-rm', 'sh', '-c', script, 'sh', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => reject(new Error(`cannot run unshare (util-linux, user namespaces): ${error.message}`)));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
