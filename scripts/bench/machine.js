/** What the figures were measured on: they mean little without it. */
import { readFileSync } from 'node:fs';
import os from 'node:os';

/** A one-line description of the machine, Node and the date. */
export function describeMachine() {
  let cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  try {
    const model = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (model?.[1]) cpu = model[1].trim();
  } catch {
    // Not Linux: os.cpus() said it already.
  }
  const cores = os.availableParallelism();
  return {
    cores,
    cpu,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    date: new Date().toISOString().slice(0, 10),
  };
}
