import { auditFile } from '../../src/audit/audit-file.js';
import { auditResultOf, changedFiles } from '../../src/audit/audit-result-of.js';
import { createPrefilter } from '../../src/audit/prefilter.js';
import { addOutcome, emptyBatch, Tally } from '../../src/audit/tally.js';
import { sourceKey } from '../../src/review/result.js';
import { fakeReviewer } from '../helpers/fake-reviewer.js';

const FILES: Record<string, string> = {
  'mm/b.c': 'void b(struct page *page)\n{\n\tuse(page->mem_cgroup);\n\tuse(head->mem_cgroup);\n}\n',
  'fs/a.c': 'int a(struct page *p) { return p->mem_cgroup != 0; }\n',
  'lib/clean.c': 'int clean;\n',
};

/** The tally of the files reviewed in batches given by `order` (lists of paths). */
function tallyOf(order: string[][], mode: 'report' | 'fix' | 'diff') {
  const tally = new Tally();
  const reviewer = fakeReviewer();
  const prefilter = createPrefilter();
  for (const group of order) {
    const batch = emptyBatch();
    for (const path of group) {
      const bytes = Buffer.from(FILES[path]!);
      addOutcome(batch, auditFile(path, bytes, reviewer, prefilter, mode), bytes.length);
    }
    tally.add(batch);
  }
  return tally;
}

test('the same result whatever the order and grouping of the batches', () => {
  const one = auditResultOf(tallyOf([['mm/b.c', 'fs/a.c', 'lib/clean.c']], 'report'), { tree: 't', target: 'v5.11', mode: 'report' });
  const other = auditResultOf(tallyOf([['lib/clean.c'], ['fs/a.c'], ['mm/b.c']], 'report'), { tree: 't', target: 'v5.11', mode: 'report' });
  expect(other).toEqual(one);
  expect(one.findings.map((f) => `${f.file}:${f.line}`)).toEqual(['fs/a.c:1', 'mm/b.c:3', 'mm/b.c:4']);
  expect(one.stats).toEqual({ files: 3, bytes: Object.values(FILES).join('').length, candidates: 2, parsed: 2, withFindings: 2, symlinks: 0 });
  expect([...one.sources.keys()]).toEqual([sourceKey('fs/a.c'), sourceKey('mm/b.c')]);
  expect(one.fixes).toBeUndefined();
});

test('fix mode: what remains on the fixed texts, the changed files and the number of fixes', () => {
  const tally = tallyOf([['mm/b.c', 'fs/a.c', 'lib/clean.c']], 'fix');
  const changed = changedFiles(tally);
  expect(changed.map((c) => c.path)).toEqual(['fs/a.c', 'mm/b.c']);
  expect(changed[0]!.after).toBe(FILES['fs/a.c']!.replace('p->mem_cgroup', 'page_memcg(p)'));
  const result = auditResultOf(tally, { tree: 't', target: 'v5.11', mode: 'fix' });
  expect(result.fixes).toEqual({ mode: 'fix', level: 'proven', files: ['fs/a.c', 'mm/b.c'], applied: 3 });
  expect(result.findings).toEqual([]);
});

test('a file whose fix was not written is reported as it is', () => {
  const tally = tallyOf([['mm/b.c', 'fs/a.c']], 'fix');
  const result = auditResultOf(tally, { tree: 't', target: 'v5.11', mode: 'fix', notApplied: new Set(['mm/b.c']) });
  expect(result.fixes?.files).toEqual(['fs/a.c']);
  expect(result.findings.map((f) => `${f.file}:${f.line}`)).toEqual(['mm/b.c:3', 'mm/b.c:4']);
  expect(result.sources.get(sourceKey('mm/b.c'))).toBe(FILES['mm/b.c']);
});

test('symbolic links met in the walk are said in a note', () => {
  const tally = tallyOf([['lib/clean.c']], 'report');
  tally.stats.symlinks = 2;
  expect(auditResultOf(tally, { tree: 't', target: 'v5.11', mode: 'report' }).notes).toEqual([
    { message: '2 symbolic links not followed (whatever they point to inside the tree is audited at its own path)' },
  ]);
});
