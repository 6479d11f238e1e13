import { describe, expect, it } from 'vitest';
import { parseJournal, renderJournalLine } from '../../src/archive/journal.js';
import type { StateEvent } from '../../src/archive/state.js';

const A: StateEvent = { type: 'url', url: 'https://www.beauvais.fr/a.html', state: { articleId: '1' } };
const B: StateEvent = { type: 'url', url: 'https://www.beauvais.fr/b.html\nwith newline', state: { failed: { reason: 'HTTP 503', at: '2026-11-26T10:00:00.000Z' } } };
const C: StateEvent = {
  type: 'article',
  id: '3',
  facts: { path: '2017/12/2017-12-08-c.md', url: 'https://www.beauvais.fr/3-c.html', contentHash: 'sha256:c', fetchedAt: 'f', firstSeenAt: 'f', aliases: [], history: [] },
};

describe('parseJournal', () => {
  it('reads every complete line back', () => {
    const text = [A, B, C].map(renderJournalLine).join('');
    expect(parseJournal(text)).toEqual({ events: [A, B, C], tornTail: false });
  });

  it('writes one event as exactly one line, even with newlines in its strings', () => {
    expect(renderJournalLine(B).split('\n')).toHaveLength(2);
  });

  it('ignores a torn last line (a crash in the middle of an append)', () => {
    const text = renderJournalLine(A) + renderJournalLine(B) + renderJournalLine(C).slice(0, 25);
    expect(parseJournal(text)).toEqual({ events: [A, B], tornTail: true });
  });

  it('ignores zeros left after the last line by a crash', () => {
    const text = renderJournalLine(A) + '\0'.repeat(64);
    expect(parseJournal(text)).toEqual({ events: [A], tornTail: false });
  });

  it('ignores a complete but unreadable last line', () => {
    const text = `${renderJournalLine(A)}{"type":"url","ur\n`;
    expect(parseJournal(text)).toEqual({ events: [A], tornTail: true });
  });

  it('reports a bad line in the middle as corruption', () => {
    const text = `${renderJournalLine(A)}garbage\n${renderJournalLine(B)}`;
    expect(parseJournal(text).corruptLine).toBe(2);
  });

  it('reports a well-formed line that is not an event as corruption', () => {
    const text = `{"type":"url","url":5}\n${renderJournalLine(A)}`;
    expect(parseJournal(text).corruptLine).toBe(1);
  });
});
