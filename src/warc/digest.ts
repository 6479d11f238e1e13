/**
 * The payload digest, in the exact form warcio writes in `WARC-Payload-Digest` by default
 * ("sha256:" + lower-case hex; WARCSerializer's defaults), so the writer's deduplication and the
 * `verify` command compare like with like.
 */
import { createHash } from 'node:crypto';

const PREFIX = 'sha256:';

/** The `WARC-Payload-Digest` value of a payload, as warcio computes it by default. */
export function payloadDigest(body: Uint8Array): string {
  return PREFIX + createHash('sha256').update(body).digest('hex');
}
