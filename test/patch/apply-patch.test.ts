import { applyFilePatch } from '../../src/patch/apply-patch.js';
import { parsePatch } from '../../src/patch/parse-patch.js';
import { parseSeries } from '../../src/patch/parse-series.js';
import type { FilePatch } from '../../src/patch/types.js';
import { fixture } from './fixture.js';

function filePatch(text: string, k = 0): FilePatch {
  return parsePatch(text).files[k]!;
}

const series = parseSeries([{ source: 'series.mbox', text: fixture('series.mbox') }]).series;
const evictPatch1 = series.patches[0]!.files[1]!;
const evictPatch2 = series.patches[1]!.files[0]!;
const base = fixture('base/mm/workingset_memcg.c');

describe('applyFilePatch', () => {
  test('applies a series in order to the base file exactly like git', () => {
    const first = applyFilePatch(base, evictPatch1);
    expect(first).toEqual({ ok: true, text: fixture('expected/workingset_memcg-after-1.c'), hunkStarts: [12] });
    if (!first.ok) return;
    expect(applyFilePatch(first.text, evictPatch2)).toEqual({ ok: true, text: fixture('expected/workingset_memcg.c'), hunkStarts: [14, 43] });
  });

  test('finds the context with an offset when lines were added above; later hunks move with it', () => {
    const moved = `/* one */\n/* two */\n/* three */\n${fixture('expected/workingset_memcg-after-1.c')}`;
    const result = applyFilePatch(moved, evictPatch2);
    expect(result).toEqual({ ok: true, text: `/* one */\n/* two */\n/* three */\n${fixture('expected/workingset_memcg.c')}`, hunkStarts: [17, 46] });
  });

  test('finds the context above its position too', () => {
    const shorter = fixture('expected/workingset_memcg-after-1.c').replace('// SPDX-License-Identifier: GPL-2.0\n/*\n', '/*\n');
    const result = applyFilePatch(shorter, evictPatch2);
    expect(result.ok && result.hunkStarts).toEqual([13, 42]);
  });

  test('a failure names the hunk and the first line that differs', () => {
    const changed = fixture('expected/workingset_memcg-after-1.c').replace('\tpr_info', '\tpr_debug').replace('demo_evictions = 0;', 'demo_evictions = 1;');
    expect(applyFilePatch(changed, evictPatch2)).toEqual({
      ok: false,
      hunk: 2,
      reason: 'hunk 2 of 2 (@@ -42,5 +43,6 @@) does not apply: line 44 should be "\\tdemo_evictions = 0;" but is "\\tdemo_evictions = 1;", and its context was not found elsewhere in the file',
    });
  });

  test('a hunk past the end of a short file fails with the line count', () => {
    const result = applyFilePatch('int a;\n', evictPatch2);
    expect(result).toEqual({
      ok: false,
      hunk: 1,
      reason: 'hunk 1 of 2 (@@ -14,8 +14,9 @@) does not apply: the file has only 1 line, and its context was not found elsewhere in the file',
    });
  });

  test('No-newline on both sides: the result ends without a line end', () => {
    const file = filePatch(fixture('single.patch'));
    const expected = fixture('expected/memcg_demo.h');
    expect(expected.endsWith('*/')).toBe(true);
    expect(applyFilePatch(fixture('base/include/linux/memcg_demo-nonl.h'), file)).toEqual({ ok: true, text: expected, hunkStarts: [3] });
  });

  test('a hunk that expects no final line end does not apply to a file that has one', () => {
    const result = applyFilePatch(fixture('base/include/linux/memcg_demo.h'), filePatch(fixture('single.patch')));
    expect(result).toEqual({
      ok: false,
      hunk: 1,
      reason: 'hunk 1 of 1 (@@ -3,8 +3,10 @@) does not apply: the line end at the end of the file does not match the "No newline" marker, and its context was not found elsewhere in the file',
    });
  });

  test('No-newline on the old side only adds the final line end', () => {
    const file = filePatch(['--- a/k.c', '+++ b/k.c', '@@ -1,2 +1,2 @@', ' int a;', '-int b;', '\\ No newline at end of file', '+int b;', ''].join('\n'));
    expect(applyFilePatch('int a;\nint b;', file)).toEqual({ ok: true, text: 'int a;\nint b;\n', hunkStarts: [1] });
  });

  test('a CRLF base is read as LF', () => {
    const result = applyFilePatch(base.replace(/\n/g, '\r\n'), evictPatch1);
    expect(result.ok && result.text).toBe(fixture('expected/workingset_memcg-after-1.c'));
  });

  test('new files apply to an empty base, deletions leave an empty text', () => {
    const multi = fixture('multi.diff');
    expect(applyFilePatch('', filePatch(multi, 4))).toEqual({ ok: true, text: '// SPDX-License-Identifier: GPL-2.0\nint demo_new_file;\n', hunkStarts: [1] });
    expect(applyFilePatch('int demo_gone;\n', filePatch(multi, 2))).toEqual({ ok: true, text: '', hunkStarts: [1] });
    expect(applyFilePatch('int demo_gone;\nint more;\n', filePatch(multi, 2))).toEqual({
      ok: false,
      hunk: 1,
      reason: 'the file should be deleted but 1 line would be left',
    });
  });

  test('a hunk without leading context must match at the start of the file', () => {
    const file = filePatch(['--- a/k.c', '+++ b/k.c', '@@ -1,2 +1,2 @@', '-int a;', '+int z;', ' int b;', ''].join('\n'));
    expect(applyFilePatch('int a;\nint b;\nint c;\n', file)).toEqual({ ok: true, text: 'int z;\nint b;\nint c;\n', hunkStarts: [1] });
    expect(applyFilePatch('int c;\nint a;\nint b;\n', file).ok).toBe(false);
  });

  test('no fuzz by default; fuzz 1 lets the outer context lines differ', () => {
    const changed = fixture('expected/workingset_memcg-after-1.c').replace('int demo_workingset_init(void)', 'int __init demo_workingset_init(void)');
    expect(applyFilePatch(changed, evictPatch2).ok).toBe(false);
    const fuzzy = applyFilePatch(changed, evictPatch2, { fuzz: 1 });
    expect(fuzzy).toEqual({
      ok: true,
      text: fixture('expected/workingset_memcg.c').replace('int demo_workingset_init(void)', 'int __init demo_workingset_init(void)'),
      hunkStarts: [14, 43],
    });
  });

  test('a binary file cannot be applied', () => {
    expect(applyFilePatch('x', filePatch(fixture('binary-literal.diff')))).toEqual({ ok: false, hunk: 0, reason: 'a binary patch cannot be applied' });
  });
});
