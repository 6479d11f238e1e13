/** Maps whatever a request threw (undici, node:net, node:zlib) onto our typed errors. */
import { BeauvaisError, NetworkError, TimeoutError } from '../errors.js';

/** undici error codes that are timeouts, and the phase each one concerns. */
const TIMEOUT_PHASES: Readonly<Record<string, 'headers' | 'body'>> = {
  UND_ERR_CONNECT_TIMEOUT: 'headers',
  UND_ERR_HEADERS_TIMEOUT: 'headers',
  UND_ERR_BODY_TIMEOUT: 'body',
};

/**
 * The typed error for a failed request: our own errors pass through, undici's timeouts become
 * TimeoutError, and everything else (ECONNRESET, ECONNREFUSED, "other side closed", a corrupt
 * gzip, a DNS failure) is a NetworkError, which is retryable.
 */
export function toFetchError(cause: unknown, url: string, timeoutMs: number): BeauvaisError {
  if (cause instanceof BeauvaisError) return cause;
  const code = (cause as { code?: unknown } | null)?.code;
  const phase = typeof code === 'string' ? TIMEOUT_PHASES[code] : undefined;
  return phase ? new TimeoutError(url, phase, timeoutMs, cause) : new NetworkError(url, cause);
}
