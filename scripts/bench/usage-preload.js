/**
 * Preloaded into a measured child (`node --import <this file> …`): when the process exits, writes
 * its own getrusage figures to the file named by BENCH_USAGE_FILE. The benchmark cannot change the
 * CLI, `/usr/bin/time` is not everywhere, and polling /proc/<pid>/status races the exit; the
 * process's own peak RSS (VmHWM) and CPU time at its 'exit' event are exact and need nothing else.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKb: usage.maxRSS, userUs: usage.userCPUTime, systemUs: usage.systemCPUTime }));
  });
}
