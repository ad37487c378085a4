import { auditFile } from '../../src/audit/audit-file.js';
import { createPrefilter } from '../../src/audit/prefilter.js';
import { ReviewLimitError } from '../../src/review/reviewer.js';
import { fakeReviewer } from '../helpers/fake-reviewer.js';

const prefilter = createPrefilter();
const bytes = (s: string) => Buffer.from(s, 'utf8');
const SRC = 'int f(struct page *page)\n{\n\treturn page->mem_cgroup != NULL;\n}\n';

describe('auditFile', () => {
  test('a file without a relevant token is neither a candidate nor parsed, and the reviewer never sees it', () => {
    const reviewer = fakeReviewer();
    const o = auditFile('lib/plain.c', bytes('int a;\n'), reviewer, prefilter, 'report', 'proven', 'v5.11');
    expect(o).toMatchObject({ candidate: false, parsed: false, findings: [] });
    expect(reviewer.seen).toEqual([]);
  });

  test('a candidate whose text has no relevant token is not parsed', () => {
    const reviewer = fakeReviewer();
    const o = auditFile('x.c', bytes('struct mem_cgroups_list *l; /* Kmem cg */\n'), reviewer, prefilter, 'report', 'proven', 'v5.11');
    expect(o).toMatchObject({ candidate: true, parsed: false });
    const c = auditFile('y.c', bytes('get_mem_cgroup_from_mm(mm);\n'), reviewer, prefilter, 'report', 'proven', 'v5.11');
    expect(c).toMatchObject({ candidate: true, parsed: false });
    expect(reviewer.seen).toEqual([]);
  });

  test('report mode: findings with the tree-relative path, the text kept, nothing fixed', () => {
    const o = auditFile('mm/a.c', bytes(SRC), fakeReviewer(), prefilter, 'report', 'proven', 'v5.11');
    expect(o).toMatchObject({ candidate: true, parsed: true, lines: 4, text: SRC });
    expect(o.findings.map((f) => [f.file, f.line])).toEqual([['mm/a.c', 3]]);
    expect(o.fixed).toBeUndefined();
  });

  test('fix mode: the fixed text and what remains', () => {
    const o = auditFile('mm/a.c', bytes(SRC), fakeReviewer(), prefilter, 'fix', 'proven', 'v5.11');
    expect(o.fixed?.text).toBe(SRC.replace('page->mem_cgroup', 'page_memcg(page)'));
    expect(o.fixed?.applied).toBe(1);
    expect(o.fixed?.remaining).toEqual([]);
  });

  test('a file that is not valid UTF-8 is reviewed but never fixed, with a note', () => {
    const latin1 = Buffer.concat([bytes('/* \xa9 */\n'.replace('\xa9', '')), Buffer.from([0xa9, 0x0a]), bytes(SRC)]);
    const o = auditFile('mm/a.c', latin1, fakeReviewer(), prefilter, 'fix', 'proven', 'v5.11');
    expect(o.findings).toHaveLength(1);
    expect(o.fixed).toBeUndefined();
    expect(o.note).toMatch(/not valid UTF-8/);
  });

  test('a reviewer that throws gives an error on the file, one line, and no findings', () => {
    const o = auditFile('mm/bad.c', bytes(`#error fake-reviewer-crash\n${SRC}`), fakeReviewer(), prefilter, 'report', 'proven', 'v5.11');
    expect(o.findings).toEqual([]);
    expect(o.error).toBe('mm/bad.c: review failed: fake crash');
  });

  test('a file over the review’s limits is a note on the file, not an error', () => {
    const limited = { review: () => { throw new ReviewLimitError({ kind: 'size', path: 'mm/huge.c', limit: 1048576, actual: 2000000 }); } };
    const o = auditFile('mm/huge.c', bytes(SRC), limited, prefilter, 'fix', 'proven', 'v5.11');
    expect(o).toMatchObject({ parsed: true, findings: [], note: 'not reviewed: 2000000 characters, over the limit of 1048576' });
    expect(o.error).toBeUndefined();
  });
});
