/**
 * Global test setup: no test may reach the internet by accident. undici's global dispatcher (used by
 * `fetch` and by any fetcher not given its own dispatcher) becomes a MockAgent that lets loopback
 * through and refuses every other host with an error naming it.
 */
import { MockAgent, setGlobalDispatcher } from 'undici';

const agent = new MockAgent();
agent.disableNetConnect();
agent.enableNetConnect((host) => /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/.test(host));
setGlobalDispatcher(agent);
