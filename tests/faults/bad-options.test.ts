/**
 * Bad option values (beyond those of tests/e2e/cli.test.ts): each exits 2 with a reason naming the
 * option, prints nothing on stdout, creates no archive folder and contacts no one. Run in process
 * through `main`, with a guard dispatcher that would record any request.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { collectingStream } from '../helpers/fault-crawl.js';
import { createGuardDispatcher, type GuardDispatcher } from '../helpers/fault-guard.js';

let root: string;
let guard: GuardDispatcher;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'beauvais-options-'));
  guard = createGuardDispatcher('http://127.0.0.1:1');
});
afterAll(async () => {
  await guard.close();
  await rm(root, { recursive: true, force: true });
});

describe('bad option values', () => {
  it.each([
    [['--concurrency', '65'], /--concurrency: "65" must be a whole number from 1 to 64/],
    [['--concurrency', '-1'], /--concurrency/],
    [['--concurrency', '2.5'], /--concurrency: "2\.5"/],
    [['--concurrency', ''], /--concurrency/],
    [['--delay', 'fast'], /--delay: "fast"/],
    [['--timeout', '50'], /--timeout: "50" must be a whole number from 100/],
    [['--retries', '11'], /--retries: "11"/],
    [['--max-pages', '0'], /--max-pages: "0"/],
    [['--since', '2024-13-01'], /--since: "2024-13-01" is not a date/],
    [['--since', '01/12/2024'], /--since: "01\/12\/2024" is not a date/],
    [['--since', '2024-02-30'], /--since: "2024-02-30" is not a date/],
    [['--base-url', 'javascript:alert(1)'], /--base-url: only http and https/],
    [['--base-url', 'file:///etc/passwd'], /--base-url: only http and https/],
    [['--base-url', 'not a url'], /--base-url: "not a url" is not a URL/],
    [['--base-url', 'http://user:secret@www.beauvais.fr'], /--base-url: credentials in the URL are not supported/],
    [['--user-agent', 'a\nb'], /--user-agent: must be one non-empty line/],
    [['--user-agent', '   '], /--user-agent: must be one non-empty line/],
    [['--quiet', '--verbose'], /--quiet.*--verbose|cannot be used/],
  ])('crawl %j exits 2 with the reason, nothing written, nothing requested', async (args, message) => {
    const out = path.join(root, 'never-created');
    const stdout = collectingStream();
    const stderr = collectingStream();
    const signal = new AbortController().signal;
    const code = await main(['node', 'beauvais-archive', 'crawl', '--out', out, ...args], { stdout, stderr, dispatcher: guard.dispatcher, signal });
    expect(code).toBe(2);
    expect(stderr.text()).toMatch(message);
    expect(stdout.text()).toBe('');
    expect(await readdir(root)).toEqual([]);
    expect(guard.origins).toEqual([]);
  });
});
