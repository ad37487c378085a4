import { parseSeries } from '../../src/patch/parse-series.js';
import { splitMbox } from '../../src/patch/split-mbox.js';
import { fixture } from './fixture.js';

const SUBJECTS = [
  'mm: add a memcg lookup helper for the workingset démo',
  'mm: read the memcg word directly in the workingset demo eviction path instead of the pointer field',
  'mm: rename the lookup file',
];

describe('parseSeries', () => {
  test('an mbox series: cover letter from 0/N, patches with n/N and kept subjects', () => {
    const { series, notes } = parseSeries([{ source: 'series.mbox', text: fixture('series.mbox') }]);
    expect(notes).toEqual([]);
    expect(series.cover?.subject).toBe('mm: workingset demo memcg helpers');
    expect(series.cover?.body.startsWith('This series adds a lookup helper and moves it to its own file.\n\nZoë Example (3):')).toBe(true);
    expect(series.patches.map((p) => [p.index, p.total, p.subject, p.source, p.author])).toEqual(
      SUBJECTS.map((s, k) => [k + 1, 3, s, 'series.mbox', 'Zoë Example <zoe@example.org>']),
    );
    expect(series.patches.map((p) => p.files.map((f) => `${f.status} ${f.newPath}`))).toEqual([
      ['added mm/memcg_lookup.c', 'modified mm/workingset_memcg.c'],
      ['modified mm/workingset_memcg.c'],
      ['renamed mm/memcg_lookup_core.c'],
    ]);
  });

  test('patch files given out of order are sorted by n; Patch.text is the message', () => {
    const messages = splitMbox(fixture('series.mbox'));
    const inputs = [3, 1, 0, 2].map((k) => ({ source: `000${k}.patch`, text: messages[k]!.text }));
    const { series, notes } = parseSeries(inputs);
    expect(notes).toEqual([]);
    expect(series.patches.map((p) => [p.index, p.source])).toEqual([[1, '0001.patch'], [2, '0002.patch'], [3, '0003.patch']]);
    expect(series.patches[1]!.text).toBe(messages[2]!.text);
    expect(series.cover?.subject).toBe('mm: workingset demo memcg helpers');
  });

  test('patches without n/N keep the input order; index is the position and total the count', () => {
    const single = fixture('single.patch');
    const { series } = parseSeries([
      { source: 'b.patch', text: single },
      { source: '-', text: fixture('multi.diff') },
      { source: 'a.patch', text: single.replace('[PATCH]', '[PATCH v3]') },
    ]);
    expect(series.patches.map((p) => [p.index, p.total, p.source, p.subject])).toEqual([
      [1, 3, 'b.patch', 'include: declare demo_lookup_memcg()'],
      [2, 3, '-', ''],
      [3, 3, 'a.patch', 'include: declare demo_lookup_memcg()'],
    ]);
    expect(series.cover).toBeUndefined();
  });

  test('a plain git diff from stdin is one patch with an empty subject and LF text', () => {
    const text = fixture('multi.diff');
    const { series, notes } = parseSeries([{ source: '-', text: text.replace(/\n/g, '\r\n') }]);
    expect(notes).toEqual([]);
    expect(series.patches).toHaveLength(1);
    expect(series.patches[0]).toMatchObject({ index: 1, total: 1, subject: '', source: '-', text });
    expect(series.patches[0]!.author).toBeUndefined();
    expect(series.patches[0]!.files).toHaveLength(7);
  });

  test('a message without a diff is left out with a note; parse notes carry the patch', () => {
    const text = [
      'From 1111111111111111111111111111111111111111 Mon Sep 17 00:00:00 2001',
      'From: A <a@example.org>',
      'Subject: [PATCH 1/2] mm: only words',
      '',
      'No diff here.',
      '',
      'From 2222222222222222222222222222222222222222 Mon Sep 17 00:00:00 2001',
      'From: A <a@example.org>',
      'Subject: [PATCH 2/2] mm: truncated',
      '',
      '---',
      'diff --git a/mm/x.c b/mm/x.c',
      '--- a/mm/x.c',
      '+++ b/mm/x.c',
      '@@ -1,3 +1,3 @@',
      ' a',
    ].join('\n');
    const { series, notes } = parseSeries([{ source: 'x.mbox', text }]);
    expect(series.patches.map((p) => [p.index, p.total, p.subject])).toEqual([[2, 2, 'mm: truncated']]);
    expect(notes).toEqual([
      { message: '"[PATCH 1/2] mm: only words" in x.mbox has no diff and was ignored' },
      {
        file: 'mm/x.c',
        patch: { index: 2, subject: 'mm: truncated' },
        message: 'hunk 1 (@@ -1,3 +1,3 @@) truncated: the input ends inside the hunk (2 old and 2 new lines missing)',
      },
    ]);
  });

  test('two mails with one number: both kept in input order, numbered by position, with a note', () => {
    const mail = (n: number, subject: string) => `From 1 Mon Sep 17 00:00:00 2001\nSubject: [PATCH ${n}/2] ${subject}\n\n---\ndiff --git a/a.c b/a.c\n--- a/a.c\n+++ b/a.c\n@@ -1 +1,2 @@\n x\n+y\n`;
    const { series, notes } = parseSeries([{ source: 'm', text: [mail(2, 'c'), mail(1, 'a'), mail(1, 'b')].join('\n') }]);
    expect(series.patches.map((p) => [p.index, p.subject])).toEqual([[1, 'a'], [2, 'b'], [3, 'c']]);
    expect(notes).toEqual([{ patch: { index: 2, subject: 'b' }, message: 'two patches are numbered 1/2; both kept in input order, and the series numbered by position' }]);
  });

  test('a second cover letter is noted and ignored', () => {
    const cover = splitMbox(fixture('series.mbox'))[0]!.text;
    const { series, notes } = parseSeries([
      { source: 'a', text: cover },
      { source: 'b', text: cover.replace('workingset demo memcg helpers', 'other') },
    ]);
    expect(series.cover?.subject).toBe('mm: workingset demo memcg helpers');
    expect(series.patches).toEqual([]);
    expect(notes).toEqual([{ message: 'a second cover letter ("[PATCH 0/3] mm: other" in b) was ignored' }]);
  });
});
