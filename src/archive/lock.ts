/**
 * One crawl per archive at a time. proper-lockfile creates `<out>/.lock` with mkdir (atomic) and
 * touches it while we run; a lock nobody touched for `staleMs` was left by a killed process and is
 * taken over. Beside it, `<out>/.lock-owner` names the holder (pid, host, PID namespace), so that a
 * lock left by a process that is certainly dead on this machine is recovered at once instead of after
 * `staleMs`. The owner file is only trusted when host and PID namespace match ours: a PID means
 * nothing across machines or containers.
 */
import { readFile, readlink, rename, rm, rmdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { ArchiveWriteError, LockHeldError } from '../errors.js';
import type { Logger } from '../log.js';
import { writeAtomic } from './atomic-write.js';

/** The lock folder proper-lockfile creates in `<out>`. */
export const LOCK_DIR = '.lock';
/** The file beside it naming the process that holds the lock. */
export const LOCK_OWNER_FILE = '.lock-owner';
/** Default time after which an untouched lock is considered abandoned. */
export const DEFAULT_STALE_MS = 30_000;

/** Options of `acquireLock`. */
export interface LockOptions {
  /** An untouched lock older than this is taken over (proper-lockfile's minimum is 2,000 ms). */
  readonly staleMs?: number | undefined;
  readonly logger: Logger;
}

/** Who holds a lock. */
export interface LockOwner {
  readonly pid: number;
  readonly hostname: string;
  /** `/proc/self/ns/pid` on Linux ("pid:[4026531836]"), null elsewhere. */
  readonly pidNamespace: string | null;
}

/** Locks `outDir` for this process; resolves to the release function. LockHeldError if held. */
export async function acquireLock(outDir: string, options: LockOptions): Promise<() => Promise<void>> {
  const lockPath = path.join(outDir, LOCK_DIR);
  const ownerPath = path.join(outDir, LOCK_OWNER_FILE);
  const me = await currentOwner();
  await recoverFromDeadOwner(lockPath, ownerPath, me, options.logger);
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(outDir, {
      lockfilePath: lockPath,
      stale: options.staleMs ?? DEFAULT_STALE_MS,
      retries: 0,
      // The default throws from a timer, killing the process mid-write; report it instead.
      onCompromised: (error) => options.logger.error(`the archive lock ${lockPath} was lost (${error.message}): another crawl may be writing too`),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new LockHeldError(lockPath, error);
    throw new ArchiveWriteError(lockPath, error);
  }
  try {
    await writeAtomic(ownerPath, `${JSON.stringify({ ...me, acquiredAt: new Date().toISOString() })}\n`);
  } catch (error) {
    await release().catch(() => undefined);
    throw error;
  }
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    // The owner file goes first: removed after the lock, it could be another process's by then.
    await rm(ownerPath, { force: true }).catch(() => undefined);
    await release().catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ERELEASED' && error.code !== 'ENOTACQUIRED') throw new ArchiveWriteError(lockPath, error);
    });
  };
}

/** Whether `owner` is a process of this machine (same host and PID namespace) that no longer runs. */
export function isDeadHere(owner: LockOwner, me: LockOwner, isAlive: (pid: number) => boolean = isProcessAlive): boolean {
  return owner.hostname === me.hostname && owner.pidNamespace === me.pidNamespace && owner.pid !== me.pid && !isAlive(owner.pid);
}

/**
 * Removes a lock whose recorded owner is certainly dead; leaves every doubtful case to staleness.
 * Two crawls starting together could both see the dead owner: renaming its record is an atomic
 * claim, so only one of them goes on to remove the lock (the other then meets a held or fresh lock).
 */
async function recoverFromDeadOwner(lockPath: string, ownerPath: string, me: LockOwner, logger: Logger): Promise<void> {
  const owner = await readOwner(ownerPath);
  if (!owner || !isDeadHere(owner, me)) return;
  const claimed = `${ownerPath}.reclaimed-${me.pid}`;
  try {
    await rename(ownerPath, claimed);
  } catch {
    return;
  }
  const still = await readOwner(claimed);
  if (still?.pid !== owner.pid || still.hostname !== owner.hostname) {
    // Another crawl took the lock over meanwhile: its record goes back.
    await rename(claimed, ownerPath).catch(() => undefined);
    return;
  }
  try {
    await rmdir(lockPath);
    logger.warn(`removed the archive lock left by process ${owner.pid}, which is no longer running`);
  } catch {
    // ENOENT: no lock left. Anything else (ENOTEMPTY…): not ours to judge; staleness decides.
  }
  await rm(claimed, { force: true }).catch(() => undefined);
}

async function readOwner(ownerPath: string): Promise<LockOwner | undefined> {
  try {
    const data = JSON.parse(await readFile(ownerPath, 'utf8')) as Partial<LockOwner>;
    if (typeof data.pid !== 'number' || !Number.isInteger(data.pid) || data.pid <= 0 || typeof data.hostname !== 'string') return undefined;
    return { pid: data.pid, hostname: data.hostname, pidNamespace: typeof data.pidNamespace === 'string' ? data.pidNamespace : null };
  } catch {
    // Missing or unreadable owner file: no information, fall back to staleness.
    return undefined;
  }
}

async function currentOwner(): Promise<LockOwner> {
  const pidNamespace = await readlink('/proc/self/ns/pid').catch(() => null);
  return { pid: process.pid, hostname: os.hostname(), pidNamespace };
}

/** Signal 0 tests for existence: ESRCH means no such process, EPERM means it exists (another user). */
function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
