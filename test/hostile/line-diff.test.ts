import { describe, expect, it } from '@jest/globals';
import { diffLines } from '../../src/fix/line-diff.js';
import { unifiedDiff } from '../../src/fix/unified-diff.js';
import { applyFilePatch } from '../../src/patch/apply-patch.js';
import { parsePatch } from '../../src/patch/parse-patch.js';

/** --diff on files with many fixes: the greedy search kept every frontier (4.7 GB for 6,000 fixes), and spread 300,000 lines into one call. */
const HANG = 60_000;

describe('diffs of large files', () => {
  it('20,000 changed lines in a 100,000-line file: linear memory, and the diff applies', () => {
    const k = 20_000;
    const before = Array.from({ length: k }, (_, i) => `void f${i}(struct page *p)\n{\n\tuse(p->mem_cgroup);\n}\n`).join('').split('\n');
    const after = before.map((l) => l.replace('p->mem_cgroup', 'page_memcg(p)'));
    const ops = diffLines(before, after);
    expect(ops.filter((o) => o.kind === '-')).toHaveLength(k);
    expect(ops.filter((o) => o.kind === '+')).toHaveLength(k);
    const diff = unifiedDiff('mm/x.c', before.join('\n'), after.join('\n'));
    expect(applyFilePatch(before.join('\n'), parsePatch(diff).files[0]!)).toMatchObject({ ok: true, text: after.join('\n') });
  }, HANG);

  it('a 300,000-line file changed at both ends', () => {
    const n = 300_000;
    const before = Array.from({ length: n }, () => 'x;');
    const after = ['y;', ...before.slice(1, -1), 'y;'];
    const ops = diffLines(before, after);
    expect(ops.filter((o) => o.kind !== ' ')).toHaveLength(4);
    expect(ops).toHaveLength(n + 2);
  }, HANG);
});
