/** The SHA-256 of a file, read as a stream: media files may be tens of megabytes, never held whole. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';

/** Hex SHA-256 of a file's bytes (rejects as reading the file does: ENOENT, EISDIR…). */
export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}
