/** The record JSON Schema (schema/record.schema.json), compiled once per test file with ajv. */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/record.schema.json', import.meta.url), 'utf8')) as object;

const validate = new Ajv2020.default({ allErrors: true, strict: false }).compile(schema);

/** Returns the list of schema violations of `record` (empty when valid). */
export function schemaErrors(record: unknown): string[] {
  return validate(record) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
