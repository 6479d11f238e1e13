/**
 * The record JSON Schema (schema/record.schema.json), compiled once per test file with ajv. Its
 * `format`s (`uri`, `date-time`) are checked by ajv-formats: without it ajv ignores them, and a
 * record whose `url` or `fetchedAt` is malformed would pass.
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const schema = JSON.parse(readFileSync(new URL('../../schema/record.schema.json', import.meta.url), 'utf8')) as object;

const ajv = new Ajv2020.default({ allErrors: true, strict: true, strictRequired: false, strictTypes: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);

/** Returns the list of schema violations of `record` (empty when valid). */
export function schemaErrors(record: unknown): string[] {
  return validate(record) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
