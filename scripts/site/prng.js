/**
 * Seeded pseudo-random numbers for the generated site. Every page draws from a generator keyed by
 * (site seed, what is drawn, article index, version), so a page renders the same bytes whenever and
 * in whatever order it is asked for, and no page needs another page's draws.
 */

/**
 * A 32-bit hash of a string (cyrb53's mixing, folded to 32 bits): the seed of one generator.
 * @param {string} text
 * @returns {number}
 */
export function hashString(text) {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ h2) >>> 0;
}

/**
 * @typedef {object} Random
 * @property {() => number} next   a float in [0, 1)
 * @property {(min: number, max: number) => number} int   an integer in [min, max]
 * @property {<T>(items: readonly T[]) => T} pick   one item
 * @property {(probability: number) => boolean} chance   true with that probability
 */

/**
 * A mulberry32 generator keyed by the given parts (seed first): small, fast and good enough for text.
 * @param {...(string | number)} parts
 * @returns {Random}
 */
export function createRandom(...parts) {
  let state = hashString(parts.join('\u0001'));
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => /** @type {any} */ (items[Math.floor(next() * items.length)]),
    chance: (probability) => next() < probability,
  };
}
