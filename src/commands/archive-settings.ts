/**
 * `<out>/archive.yaml`: the archive's own settings, next to its files (not in `.state`: a person
 * writes it). Each feature reads its keys from the one mapping read here; an unreadable or malformed
 * file is a usage error that names the file.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { isMissing } from '../archive/atomic-write.js';
import { UsageError } from '../errors.js';

/** The settings file's name in `<out>`. */
const SETTINGS_FILE = 'archive.yaml';

/** An archive's settings (an empty mapping when it has no file), and the file's path for messages. */
export interface ArchiveSettings {
  readonly file: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** Reads `<out>/archive.yaml`, once per command: each feature then takes its keys from the mapping. */
export async function readArchiveSettings(outDir: string): Promise<ArchiveSettings> {
  const file = path.join(outDir, SETTINGS_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isMissing(error)) return { file, data: {} };
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = parseYaml(text) ?? {};
  } catch (error) {
    throw new UsageError(`${file} is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new UsageError(`${file} must be a mapping (e.g. "warc: true")`);
  return { file, data: data as Record<string, unknown> };
}

/** A boolean setting, or undefined when absent. */
export function booleanSetting(file: string, data: Readonly<Record<string, unknown>>, key: string): boolean | undefined {
  const value = data[key];
  if (value !== undefined && typeof value !== 'boolean') throw new UsageError(`${file}: "${key}" must be true or false`);
  return value as boolean | undefined;
}

/** A size in MB, as bytes, or undefined when absent. */
export function megabytesSetting(file: string, data: Readonly<Record<string, unknown>>, key: string): number | undefined {
  const value = data[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !(value > 0)) throw new UsageError(`${file}: "${key}" must be a positive number of megabytes`);
  return Math.ceil(value * 1024 * 1024);
}
