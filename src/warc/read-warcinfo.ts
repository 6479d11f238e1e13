/**
 * The warcinfo record at the head of a WARC file (WARC 1.1 §6.2): its `name: value` fields. Only the
 * first record is read, so asking costs a few hundred bytes whatever the size of the file.
 */
import { open } from 'node:fs/promises';
import { AsyncIterReader, WARCParser } from 'warcio';

/** The fields of the file's leading warcinfo record; empty when it has none or cannot be read. */
export async function readWarcinfo(file: string): Promise<Record<string, string>> {
  const handle = await open(file, 'r');
  const stream = handle.createReadStream();
  try {
    const record = await new WARCParser(new AsyncIterReader(stream)).parse();
    if (!record || record.warcType !== 'warcinfo') return {};
    return parseWarcFields(await record.contentText());
  } catch {
    return {};
  } finally {
    stream.destroy();
    await handle.close().catch(() => undefined);
  }
}

/** `name: value` lines (WARC 1.1 §6.2's application/warc-fields) as an object; other lines ignored. */
function parseWarcFields(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split(/\r?\n/u)) {
    const colon = line.indexOf(':');
    if (colon > 0) fields[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return fields;
}
