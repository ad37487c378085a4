import { describe, expect, it } from '@jest/globals';
import { duplicateComments } from '../../src/app/duplicate-comments.js';
import { KeyedLock } from '../../src/app/keyed-lock.js';
import { findingMarker, stateMarker } from '../../src/app/markers.js';
import { decideRun, IN_PROGRESS_FRESH_MS } from '../../src/app/run-decision.js';
import { RecentReviews } from '../../src/app/recent-reviews.js';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const done = (id: number, config: string, ok = true) => ({ id, status: 'completed', conclusion: 'failure', started_at: null, summary: `s\n${stateMarker({ v: 1, ok, config, findings: [] })}` });

describe('decideRun', () => {
  it('creates a run when there is none', () => {
    expect(decideRun([], 'h', false, NOW)).toEqual({ action: 'create' });
  });

  it('does nothing for a head already reviewed with the same settings (a redelivery)', () => {
    expect(decideRun([done(1, 'h')], 'h', false, NOW).action).toBe('skip');
  });

  it('reviews again when forced, when the settings changed, or when the last run failed', () => {
    expect(decideRun([done(1, 'h')], 'h', true, NOW)).toEqual({ action: 'create' });
    expect(decideRun([done(1, 'old')], 'h', false, NOW)).toEqual({ action: 'create' });
    expect(decideRun([done(1, 'h', false)], 'h', false, NOW)).toEqual({ action: 'create' });
  });

  it('leaves a fresh in-progress run to its delivery and takes over a stale one', () => {
    const running = (ageMs: number) => ({ id: 7, status: 'in_progress', conclusion: null, started_at: new Date(NOW - ageMs).toISOString(), summary: null });
    expect(decideRun([done(1, 'h'), running(1000)], 'h', true, NOW).action).toBe('skip');
    expect(decideRun([running(IN_PROGRESS_FRESH_MS + 1)], 'h', false, NOW)).toEqual({ action: 'reuse', checkRunId: 7 });
  });
});

describe('duplicateComments', () => {
  it('keeps the oldest comment of each fingerprint', () => {
    const c = (id: number, fp: string) => ({ id, body: `x ${findingMarker(fp)}` });
    const a = '0123456789abcdef';
    const b = 'fedcba9876543210';
    expect(duplicateComments([c(30, a), c(10, a), c(20, b), c(40, b), { id: 5, body: 'a person' }])).toEqual([30, 40]);
    expect(duplicateComments([c(1, a), c(2, b)])).toEqual([]);
  });
});

describe('KeyedLock', () => {
  it('runs work for one key one at a time, in order, and other keys alongside', async () => {
    const lock = new KeyedLock();
    const log: string[] = [];
    let releaseFirst!: () => void;
    const gate = new Promise<void>((r) => (releaseFirst = r));
    const first = lock.run('pr#1', async () => {
      log.push('1 start');
      await gate;
      log.push('1 end');
    });
    const second = lock.run('pr#1', async () => void log.push('2'));
    const other = lock.run('pr#2', async () => void log.push('other'));
    await other;
    expect(log).toEqual(['1 start', 'other']);
    releaseFirst();
    await Promise.all([first, second]);
    expect(log).toEqual(['1 start', 'other', '1 end', '2']);
    expect(lock.size).toBe(0);
  });

  it('releases the key when the work throws', async () => {
    const lock = new KeyedLock();
    await expect(lock.run('k', async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    await expect(lock.run('k', async () => 'next')).resolves.toBe('next');
  });
});

describe('RecentReviews', () => {
  it('remembers the most recent heads, up to its capacity', () => {
    const r = new RecentReviews(2);
    r.add('a');
    r.add('b');
    r.add('a');
    r.add('c');
    expect([r.has('a'), r.has('b'), r.has('c')]).toEqual([true, false, true]);
  });
});
