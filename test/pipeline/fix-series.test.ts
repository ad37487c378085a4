import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { reviewAndFix } from '../../src/pipeline/review-and-fix.js';
import type { Reviewer } from '../../src/review/reviewer.js';
import type { Target } from '../../src/types.js';
import { recordRewrites, emptyRewrites } from '../../src/fix/carry-fixes.js';
import { fakeReviewer } from '../helpers/fake-reviewer.js';
import { copyTree, readFixture } from '../helpers/tree.js';

/** The pipeline's fixes of a series alone (no C files), as fixSeries gave them before it lost its reviewer. */
function fixSeries(reviewer: Reviewer, patches: { source: string; text: string }[], options: { target: Target }, read?: (p: string) => string | null) {
  const run = reviewAndFix(reviewer, { patches, sources: [] }, options.target, { fix: true, ...(read ? { base: () => ({ read, notes: [] }) } : {}) });
  return { ...run.fix!, inputs: run.fix!.inputs.patches };
}

describe('fixSeries', () => {
  let tree: string;
  beforeEach(() => (tree = copyTree()));
  afterEach(() => fs.rmSync(tree, { recursive: true, force: true }));
  const readBase = (p: string) => (fs.existsSync(path.join(tree, p)) ? fs.readFileSync(path.join(tree, p), 'utf8') : null);

  it('carries a fixed line into the context of later patches so the series still applies', () => {
    const mbox = readFixture('context-series.mbox');
    for (const base of [readBase, undefined]) {
      const fixed = fixSeries(fakeReviewer(), [{ source: 'context-series.mbox', text: mbox }], { target: 'v5.11' }, base);
      expect(fixed.applied).toHaveLength(1);
      expect(fixed.notes).toEqual([]);
      expect(fixed.inputs[0]!.text).toBe(mbox.replaceAll('page->mem_cgroup', 'page_memcg(page)'));
    }
    const file = path.join(tree, 'fixed.mbox');
    fs.writeFileSync(file, fixSeries(fakeReviewer(), [{ source: 'm', text: mbox }], { target: 'v5.11' }, readBase).inputs[0]!.text);
    execFileSync('git', ['init', '-q'], { cwd: tree });
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', 'add', '-A'], { cwd: tree });
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-qm', 'base'], { cwd: tree });
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', 'am', '-q', file], { cwd: tree, stdio: 'pipe' });
    expect(fs.readFileSync(path.join(tree, 'mm/page_stats.c'), 'utf8')).toContain('owner = page_memcg(page);\n\n\tif (!owner)');
  });

  it('two mails with one patch number: each patch gets only its own fixes (found by the fuzzer)', () => {
    const mail = (subject: string, body: string) => `From 1 Mon Sep 17 00:00:00 2001\nFrom: A <a@example.org>\nSubject: [PATCH 1/2] ${subject}\n\n---\n${body}`;
    const first = mail('mm: one', 'diff --git a/mm/a.c b/mm/a.c\n--- a/mm/a.c\n+++ b/mm/a.c\n@@ -1,2 +1,3 @@\n int a;\n+int x = page->mem_cgroup;\n int b;\n');
    const second = mail('mm: two', 'diff --git a/mm/a.c b/mm/a.c\n--- a/mm/a.c\n+++ b/mm/a.c\n@@ -1,3 +1,4 @@ f\n int a;\n+int yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy;\n int x = page->mem_cgroup;\n int b;\n');
    const fixed = fixSeries(fakeReviewer(), [{ source: 'm', text: `${first}\n${second}` }], { target: 'v5.11' });
    expect(fixed.applied.map((f) => [f.patch!.index, f.line])).toEqual([[1, 2]]);
    // The second mail's context carries the fix; nothing of the first lands in its added line.
    expect(fixed.inputs[0]!.text).toBe(`${first.replace('page->mem_cgroup', 'page_memcg(page)')}\n${second.replace('page->mem_cgroup', 'page_memcg(page)')}`);
  });

  it('leaves inputs alone when nothing is to fix', () => {
    const clean = readFixture('clean.diff');
    const fixed = fixSeries(fakeReviewer(), [{ source: 'c', text: clean }], { target: 'v5.11' });
    expect(fixed.inputs).toEqual([{ source: 'c', text: clean }]);
    expect(fixed.changed.size).toBe(0);
  });

  it('notes when a fixed patch is not found verbatim in its input', () => {
    const mail = readFixture('split/0001-mm-page_stats-count-charged-pages.patch');
    const encoded = mail.replace('Subject:', 'Content-Transfer-Encoding: quoted-printable\nSubject:').replace('\tif (page->mem_cgroup)', '\tif (page->mem_cgroup)=20=\n');
    const fixed = fixSeries(fakeReviewer(), [{ source: 'q.patch', text: encoded }], { target: 'v5.11' });
    expect(fixed.changed.size).toBe(0);
    expect(fixed.inputs[0]!.text).toBe(encoded);
    expect(fixed.applied).toEqual([]);
    expect(fixed.notes).toEqual([
      { file: 'q.patch', message: 'fixes not written: the patch text is not found verbatim in the input (encoded mail or mixed line ends)' },
    ]);
  });
});

describe('recordRewrites', () => {
  it('keeps one-for-one rewrites of lines gone from the file and doubts the rest', () => {
    const r = emptyRewrites();
    const ref = { index: 1, subject: 's' };
    recordRewrites(r, 'a\nx = p->m;\nb\ny = p->m;\ny = p->m;\nz\nw = q->m;\n', 'a\nx = m(p);\nb\ny = m(p);\ny = p->m;\nz\nw =\n  m(q);\n', ref);
    expect([...r.sure]).toEqual([['x = p->m;', 'x = m(p);']]);
    expect([...r.unsure.keys()].sort()).toEqual(['w = q->m;', 'y = p->m;']);
  });
});
