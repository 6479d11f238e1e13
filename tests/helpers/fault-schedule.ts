/**
 * Which pages the test server breaks, and how: a seeded choice of victim pages, each with a fault
 * kind, and the `faults` hook of serve-site.js that carries it out. A persistent victim fails every
 * attempt of the faulted run (more than the crawl's retries); a transient one only its first request.
 * The hook logs every request to an article page on the crawl's (virtual) clock, so a test can tell
 * which pages the server finally served and when each retry came.
 */
import type { IncomingMessage } from 'node:http';
import type { FaultAction, FaultContext } from '../../scripts/site/serve-site.js';
import type { Clock } from '../../src/clock.js';

/** What the server can do to one page. */
export type FaultKind =
  | '5xx'
  | '429-seconds'
  | '429-date'
  | 'hang'
  | 'reset'
  | 'short-body'
  | 'corrupt-gzip'
  | 'redirect-loop'
  | 'redirect-off-site'
  | 'error-page';

/** Kinds a crawl retries within the run (the others fail at once: retrying a loop changes nothing). */
export const RETRYABLE_KINDS: ReadonlySet<FaultKind> = new Set(['5xx', '429-seconds', '429-date', 'hang', 'reset', 'short-body', 'corrupt-gzip']);

/** One page the server breaks. */
export interface Victim {
  /** The article's path on the site. */
  readonly path: string;
  readonly id: string;
  readonly kind: FaultKind;
  /** Broken on every request of the faulted run, not only the first. */
  readonly persistent: boolean;
  /** A seeded number choosing among the forms of the fault (which 5xx, how many seconds…). */
  readonly variant: number;
}

/** One request to an article page, as the hook saw it. */
export interface HookEvent {
  readonly path: string;
  readonly nth: number;
  /** 'pass' for the normal answer, else the fault kind. */
  readonly action: 'pass' | FaultKind;
  /** When it arrived, on the crawl's clock (ms). */
  readonly at: number;
  /** For 429s: the delay the Retry-After header asked for, in seconds. */
  readonly retryAfterSeconds?: number | undefined;
}

/** A seeded generator of floats in [0, 1) (mulberry32 over a string hash), so one seed, one choice. */
export function createSeededRandom(seed: string): () => number {
  let state = 2166136261;
  for (let i = 0; i < seed.length; i++) state = Math.imul(state ^ seed.charCodeAt(i), 16777619);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A copy of `items` in a seeded order (Fisher–Yates). */
export function seededShuffle<T>(items: readonly T[], random: () => number): T[] {
  const order = [...items];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as T, order[i] as T];
  }
  return order;
}

/** `count` distinct victims among `articles`, kinds and persistence drawn from `seed`. */
export function pickVictims(
  articles: ReadonlyArray<{ readonly path: string; readonly id: string }>,
  options: { readonly count: number; readonly kinds: readonly FaultKind[]; readonly seed: string; readonly persistentShare: number },
): Victim[] {
  const random = createSeededRandom(options.seed);
  return seededShuffle(articles, random).slice(0, options.count).map((article) => ({
    path: article.path,
    id: article.id,
    kind: options.kinds[Math.floor(random() * options.kinds.length)] as FaultKind,
    persistent: random() < options.persistentShare,
    variant: Math.floor(random() * 1000),
  }));
}

/** Whether a victim's page was archived by the faulted run itself (a transient, retryable fault). */
export function recoversInRun(victim: Victim): boolean {
  return !victim.persistent && RETRYABLE_KINDS.has(victim.kind);
}

/** The "Page introuvable" template a misconfigured Joomla serves with status 200. */
export const ERROR_TEMPLATE = `<!DOCTYPE html>
<html lang="fr-fr" dir="ltr"><head><meta charset="utf-8" /><title>404 - Page introuvable</title></head>
<body class="error"><div class="error-page"><h1>Page introuvable</h1>
<p>La page que vous demandez n’existe pas ou a été déplacée.</p><p><a href="/">Retour à l’accueil</a></p></div></body></html>
`;

/** The article's `div[itemprop=articleBody]` and its content (generated bodies hold no nested div). */
const ARTICLE_BODY = /(<div itemprop="articleBody">)[\s\S]*?(<\/div>)/;

export interface FaultHook {
  readonly faults: (req: IncomingMessage, ctx: FaultContext) => FaultAction | undefined;
  /** Every request to an article page while the hook was installed. */
  readonly events: HookEvent[];
  /** Faults are injected only while this is true (the faulted run); requests are logged always. */
  enabled: boolean;
}

/** The hook breaking `victims`; `isArticlePath` says which requests to log; `offSiteOrigin` is where off-site redirects point. */
export function createFaultHook(
  victims: readonly Victim[],
  env: { readonly clock: Clock; readonly offSiteOrigin: string; readonly isArticlePath: (path: string) => boolean },
): FaultHook {
  const byPath = new Map(victims.map((v) => [v.path, v]));
  const hook: FaultHook = {
    events: [],
    enabled: true,
    faults(req, ctx) {
      const url = req.url ?? '/';
      const path = url.replace(/\?loop=1$/, '');
      if (!env.isArticlePath(path)) return undefined;
      const victim = byPath.get(path);
      const at = env.clock.now();
      if (!hook.enabled || !victim || (!victim.persistent && ctx.nth > 1 && url === path)) {
        hook.events.push({ path, nth: ctx.nth, action: 'pass', at });
        return undefined;
      }
      const { action, retryAfterSeconds } = toAction(victim, req, ctx, env);
      hook.events.push({ path, nth: ctx.nth, action: victim.kind, at, retryAfterSeconds });
      return action;
    },
  };
  return hook;
}

function toAction(
  victim: Victim,
  req: IncomingMessage,
  ctx: FaultContext,
  env: { readonly clock: Clock; readonly offSiteOrigin: string },
): { action: FaultAction; retryAfterSeconds?: number } {
  const v = victim.variant;
  switch (victim.kind) {
    case '5xx':
      return { action: { status: [500, 502, 503][v % 3] as number, body: 'Erreur temporaire' } };
    case '429-seconds':
      return { action: { status: 429, headers: { 'retry-after': String(1 + (v % 5)) } }, retryAfterSeconds: 1 + (v % 5) };
    case '429-date': {
      const seconds = 1 + (v % 5);
      const date = new Date(env.clock.now() + seconds * 1000).toUTCString();
      return { action: { status: 429, headers: { 'retry-after': date } }, retryAfterSeconds: seconds };
    }
    case 'hang':
      return { action: v % 2 === 0 ? 'hang' : withFullBody(req, 'hang-after-headers') };
    case 'reset':
      return { action: v % 2 === 0 ? 'reset-before' : withFullBody(req, 'reset-mid-body') };
    case 'short-body':
      return { action: withFullBody(req, 'short-body') };
    case 'corrupt-gzip':
      return { action: withFullBody(req, 'corrupt-gzip') };
    case 'redirect-loop':
      return { action: { redirect: req.url === victim.path ? `${victim.path}?loop=1` : victim.path } };
    case 'redirect-off-site':
      return { action: { redirect: `${env.offSiteOrigin}${victim.path}` } };
    case 'error-page': {
      // A PHP page with no ETag but a fresh Last-Modified: what a CMS error page behind a proxy sends.
      const headers = { 'content-type': 'text/html; charset=utf-8', 'last-modified': new Date(env.clock.now()).toUTCString() };
      if (v % 2 === 0) return { action: { status: 200, headers, body: ERROR_TEMPLATE } };
      const page = ctx.site.route(victim.path)?.body.toString('utf8') ?? '';
      return { action: { status: 200, headers, body: page.replace(ARTICLE_BODY, '$1$2') } };
    }
  }
}

/** The action, with the request's validators dropped so that the server sends (and breaks) a full body, not a 304. */
function withFullBody(req: IncomingMessage, action: FaultAction): FaultAction {
  delete req.headers['if-none-match'];
  delete req.headers['if-modified-since'];
  return action;
}
