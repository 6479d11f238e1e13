import { spawnSync } from 'node:child_process';
import { access, mkdir, readFile, readlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock, isDeadHere, type LockOwner } from '../../src/archive/lock.js';
import { openArchive } from '../../src/archive/store.js';
import { LockHeldError } from '../../src/errors.js';
import { silentLogger } from '../../src/log.js';
import { fakeClock, makeTempDir, recordingLogger } from './helpers.js';

let out: string;
let cleanup: () => Promise<void>;
let lockDir: string;
let ownerFile: string;

beforeEach(async () => {
  ({ dir: out, cleanup } = await makeTempDir());
  lockDir = path.join(out, '.lock');
  ownerFile = path.join(out, '.lock-owner');
});

afterEach(async () => {
  await cleanup();
});

const open = (lockStaleMs?: number, logger = silentLogger) => openArchive(out, { clock: fakeClock(), logger, lockStaleMs });
const exists = (file: string) => access(file).then(() => true, () => false);

async function me(): Promise<LockOwner> {
  return { pid: process.pid, hostname: os.hostname(), pidNamespace: await readlink('/proc/self/ns/pid').catch(() => null) };
}

/** The pid of a process that has run and exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' });
  return child.pid ?? 999_999_999;
}

describe('archive lock', () => {
  it('refuses a second crawl on the same archive, and lets the next one in after close', async () => {
    const first = await open();
    expect(await exists(lockDir)).toBe(true);
    await expect(open()).rejects.toThrow(LockHeldError);
    await first.close();
    expect(await exists(lockDir)).toBe(false);
    expect(await exists(ownerFile)).toBe(false);
    const second = await open();
    await second.close();
  });

  it('closes idempotently', async () => {
    const store = await open();
    await store.close();
    await store.close();
    await expect(store.recordFailure('https://www.beauvais.fr/a.html', 'x')).rejects.toThrow(/closed/);
  });

  it('records who holds the lock', async () => {
    const store = await open();
    const owner = JSON.parse(await readFile(ownerFile, 'utf8')) as LockOwner;
    expect(owner).toMatchObject({ pid: process.pid, hostname: os.hostname() });
    await store.close();
  });

  it('refuses a fresh lock left by an unknown holder', async () => {
    await mkdir(lockDir);
    await expect(open(2_000)).rejects.toThrow(LockHeldError);
    expect(await exists(lockDir)).toBe(true);
  });

  it('takes over a stale lock nobody refreshed (a killed crawl)', async () => {
    await mkdir(lockDir);
    const past = new Date(Date.now() - 60 * 60 * 1000);
    await utimes(lockDir, past, past);
    const store = await open(2_000);
    expect((JSON.parse(await readFile(ownerFile, 'utf8')) as LockOwner).pid).toBe(process.pid);
    await store.close();
  });

  it('recovers at once a fresh lock whose recorded holder is dead', async () => {
    await mkdir(lockDir);
    await writeFile(ownerFile, JSON.stringify({ ...(await me()), pid: deadPid() }));
    const logger = recordingLogger();
    const store = await open(60_000, logger);
    expect(logger.lines.some((l) => l.includes('no longer running'))).toBe(true);
    await store.close();
  });

  it('does not take a lock from a live holder, whatever its owner file says', async () => {
    await mkdir(lockDir);
    await writeFile(ownerFile, JSON.stringify({ ...(await me()), pid: process.ppid }));
    await expect(open(60_000)).rejects.toThrow(LockHeldError);
    await writeFile(ownerFile, '{ not json');
    await expect(open(60_000)).rejects.toThrow(LockHeldError);
  });

  it('lets a dry run read a locked archive', async () => {
    const crawl = await open();
    const dry = await openArchive(out, { clock: fakeClock(), logger: silentLogger, dryRun: true });
    await dry.close();
    await crawl.close();
  });

  it('can be used on its own and released twice', async () => {
    const release = await acquireLock(out, { staleMs: 2_000, logger: silentLogger });
    await expect(acquireLock(out, { logger: silentLogger })).rejects.toThrow(LockHeldError);
    await release();
    await release();
    expect(await exists(lockDir)).toBe(false);
  });
});

describe('isDeadHere', () => {
  const here: LockOwner = { pid: 100, hostname: 'host', pidNamespace: 'pid:[1]' };
  const dead = () => false;

  it.each([
    ['a dead process of this machine', { pid: 200, hostname: 'host', pidNamespace: 'pid:[1]' }, true],
    ['another machine', { pid: 200, hostname: 'other', pidNamespace: 'pid:[1]' }, false],
    ['another container (PID namespace)', { pid: 200, hostname: 'host', pidNamespace: 'pid:[2]' }, false],
    ['this very process', { pid: 100, hostname: 'host', pidNamespace: 'pid:[1]' }, false],
  ])('%s → %s', (_name, owner, expected) => {
    expect(isDeadHere(owner, here, dead)).toBe(expected);
  });

  it('never calls a live process dead', () => {
    expect(isDeadHere({ pid: 200, hostname: 'host', pidNamespace: 'pid:[1]' }, here, () => true)).toBe(false);
  });
});
