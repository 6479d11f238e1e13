/**
 * A guard dispatcher for in-process crawls: a real undici Agent (real sockets to the loopback test
 * server) wrapped by an interceptor that records the origin of every request and refuses, without
 * opening a connection, any origin but the one allowed. A crawl that tried to leave its site would
 * see a network error, and the test sees the attempt in `refused`.
 */
import { Agent, type Dispatcher } from 'undici';

export interface GuardDispatcher {
  readonly dispatcher: Dispatcher;
  /** Origins of every request dispatched, allowed or not, in order. */
  readonly origins: string[];
  /** `origin + path` of every refused request. */
  readonly refused: string[];
  close(): Promise<void>;
}

/** A dispatcher that lets only `allowedOrigin` ("http://127.0.0.1:1234") through. */
export function createGuardDispatcher(allowedOrigin: string, options: Agent.Options = {}): GuardDispatcher {
  const agent = new Agent({ connections: 16, ...options });
  const origins: string[] = [];
  const refused: string[] = [];
  const dispatcher = agent.compose((dispatch) => (opts, handler) => {
    const origin = new URL(String(opts.origin)).origin;
    origins.push(origin);
    if (origin !== allowedOrigin) {
      refused.push(`${origin}${opts.path}`);
      throw new Error(`guard dispatcher: refused a request to ${origin}${opts.path}`);
    }
    return dispatch(opts, handler);
  });
  return { dispatcher, origins, refused, close: () => agent.close() };
}
