import { describe, expect, it } from 'vitest';
import { createRequestGate, createScheduler } from '../../src/http/schedule.js';
import { createFakeClock, settle, START_MS } from './helpers/fake-clock.js';

describe('createRequestGate', () => {
  it('spaces request starts by the minimum gap, first come first served', async () => {
    const clock = createFakeClock('manual');
    const gate = createRequestGate({ minGapMs: 1_000, clock });
    const starts: [string, number][] = [];
    const all = Promise.all(['a', 'b', 'c'].map((id) => gate.waitTurn().then(() => starts.push([id, clock.now() - START_MS]))));
    await settle();
    expect(starts).toEqual([['a', 0]]);
    await clock.advance(999);
    expect(starts).toHaveLength(1);
    await clock.advance(1);
    expect(starts).toEqual([['a', 0], ['b', 1_000]]);
    await clock.advance(1_000);
    await all;
    expect(starts).toEqual([['a', 0], ['b', 1_000], ['c', 2_000]]);
  });

  it('does not wait again when the gap has already passed', async () => {
    const clock = createFakeClock('manual');
    const gate = createRequestGate({ minGapMs: 1_000, clock });
    await gate.waitTurn();
    await clock.advance(5_000);
    await gate.waitTurn();
    expect(clock.sleeps).toEqual([]);
  });

  it('never sleeps with a gap of 0', async () => {
    const clock = createFakeClock();
    const gate = createRequestGate({ minGapMs: 0, clock });
    await Promise.all(Array.from({ length: 5 }, () => gate.waitTurn()));
    expect(clock.sleeps).toEqual([]);
  });

  it('lets a Crawl-delay raise the gap but never lower it', async () => {
    const clock = createFakeClock();
    const gate = createRequestGate({ minGapMs: 500, clock });
    gate.setMinGap(2_000);
    gate.setMinGap(100);
    expect(gate.minGapMs).toBe(2_000);
    await gate.waitTurn();
    await gate.waitTurn();
    expect(clock.sleeps).toEqual([2_000]);
  });

  it('starts nothing during a host-wide pause', async () => {
    const clock = createFakeClock();
    const gate = createRequestGate({ minGapMs: 0, clock });
    gate.pause(30_000);
    await gate.waitTurn();
    expect(clock.now() - START_MS).toBe(30_000);
  });

  it('honours a pause that arrives while a request is waiting for its gap', async () => {
    const clock = createFakeClock('manual');
    const gate = createRequestGate({ minGapMs: 1_000, clock });
    await gate.waitTurn();
    let started = false;
    const second = gate.waitTurn().then(() => (started = true));
    await settle();
    gate.pause(10_000);
    await clock.advance(1_000);
    expect(started).toBe(false);
    await clock.advance(9_000);
    await second;
    expect(clock.now() - START_MS).toBe(10_000);
  });

  it('lets an aborted waiter leave the line without blocking the ones behind it', async () => {
    const clock = createFakeClock('manual');
    const gate = createRequestGate({ minGapMs: 1_000, clock });
    await gate.waitTurn();
    const controller = new AbortController();
    const order: string[] = [];
    const b = gate.waitTurn(controller.signal).then(() => order.push('b'), () => order.push('b aborted'));
    const c = gate.waitTurn().then(() => order.push('c'));
    await settle();
    controller.abort();
    await b;
    await clock.advance(1_000);
    await c;
    expect(order).toEqual(['b aborted', 'c']);
    expect(clock.now() - START_MS).toBe(1_000);
  });
});

describe('createScheduler', () => {
  /** A task that runs until the test releases it, recording the peak concurrency seen. */
  function createTasks(count: number) {
    let active = 0;
    let peak = 0;
    const releases: (() => void)[] = [];
    const tasks = Array.from({ length: count }, (_, i) => async () => {
      active++;
      peak = Math.max(peak, active);
      await new Promise<void>((resolve) => releases.push(resolve));
      active--;
      return i;
    });
    return { tasks, releases, peak: () => peak };
  }

  it('runs no more tasks at once than its concurrency', async () => {
    const scheduler = createScheduler({ concurrency: 2 });
    const { tasks, releases, peak } = createTasks(6);
    const results = Promise.all(tasks.map((task) => scheduler.run(task)));
    await settle();
    expect([scheduler.activeCount, scheduler.pendingCount]).toEqual([2, 4]);
    while (releases.length > 0 || scheduler.activeCount > 0) {
      releases.splice(0).forEach((release) => release());
      await settle();
    }
    expect(await results).toEqual([0, 1, 2, 3, 4, 5]);
    expect(peak()).toBe(2);
  });

  it('drops waiting tasks on clearQueue (SIGINT) and lets running ones finish', async () => {
    const scheduler = createScheduler({ concurrency: 1 });
    const { tasks, releases } = createTasks(3);
    const outcomes = tasks.map((task) => scheduler.run(task).then((i) => `done ${i}`, (e: Error) => e.name));
    await settle();
    scheduler.clearQueue();
    releases.forEach((release) => release());
    expect(await Promise.all(outcomes)).toEqual(['done 0', 'AbortError', 'AbortError']);
    expect(scheduler.pendingCount).toBe(0);
  });
});
