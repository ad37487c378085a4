import { describe, expect, it } from '@jest/globals';
import { checkSummary } from '../../src/app/check-summary.js';
import { conclusionOf, countsTitle } from '../../src/app/conclusion.js';
import { readStateMarker } from '../../src/app/markers.js';
import { GITHUB_TEXT_LIMIT } from '../../src/app/truncate.js';
import { findingAt, resultWith } from './sample-result.js';

const state = { v: 1 as const, ok: true, config: 'c0ffee', findings: [] };

describe('check run summary', () => {
  it('groups findings per patch, lists resolved findings and notes, and keeps the state marker', () => {
    const a = findingAt('page->mem_cgroup', { fixTo: 'page_memcg_check(page)', patch: 1 });
    const b = findingAt('(unsigned long)memcg & 0x1UL', { ruleId: 'tag-trick', severity: 'warning', patch: 1 });
    const result = { ...resultWith([a, b]), notes: [{ file: 'mm/big.c', message: 'GitHub shows no diff for this file' }] };
    const { title, summary } = checkSummary({ result, preamble: ['Target: v5.11'], resolved: [{ ruleId: 'page-kmemcg', file: 'mm/x.c', line: 3 }], state, comments: { posted: 1, notInDiff: 1, overLimit: 0, alreadyPosted: 0 } });
    expect(title).toBe('1 error, 1 warning, 0 checks');
    const p1 = summary.indexOf('### [PATCH 1/2] patch 1 (aaaaaaa)');
    const p2 = summary.indexOf('### [PATCH 2/2] patch 2 (bbbbbbb)');
    expect(p1).toBeGreaterThan(-1);
    expect(summary.indexOf('`memcg-field-read`')).toBeGreaterThan(p1);
    expect(summary.indexOf('`memcg-field-read`')).toBeLessThan(p2);
    expect(summary.slice(p2)).toContain('No findings.');
    expect(summary).toContain('fix (proven): `memcg = page_memcg_check(page);`');
    expect(summary).toContain('### Resolved since the last review\n\n- `page-kmemcg` in `mm/x.c` (was line 3)');
    expect(summary).toContain('1 new inline comment · 1 outside the diff GitHub shows (annotations only)');
    expect(summary).toContain('- `mm/big.c`: GitHub shows no diff for this file');
    expect(readStateMarker(summary)).toEqual(state);
  });

  it('stays within GitHub’s 65,535 characters, saying how many findings were left to the annotations', () => {
    const f = findingAt('page->mem_cgroup', { patch: 1 });
    const many = Array.from({ length: 2000 }, (_, i) => ({ ...f, line: i + 1, message: 'x'.repeat(100) }));
    const { summary } = checkSummary({ result: resultWith(many), preamble: [], resolved: [], state });
    expect(summary.length).toBeLessThanOrEqual(GITHUB_TEXT_LIMIT);
    expect(summary).toMatch(/… and \d+ more findings: see the annotations\./);
    expect(readStateMarker(summary)).toEqual(state);
  });
});

describe('conclusion', () => {
  it('is failure on errors, neutral on warnings only, success when clean or notes only', () => {
    const f = findingAt('page->mem_cgroup');
    expect(conclusionOf([f, { ...f, severity: 'warning' }])).toBe('failure');
    expect(conclusionOf([{ ...f, severity: 'warning' }, { ...f, severity: 'info' }])).toBe('neutral');
    expect(conclusionOf([{ ...f, severity: 'info' }])).toBe('success');
    expect(conclusionOf([])).toBe('success');
    expect(countsTitle([])).toBe('0 errors, 0 warnings, 0 checks');
  });
});
