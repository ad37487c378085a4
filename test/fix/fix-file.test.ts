import type { Finding } from '../../src/types.js';
import { applyFixes } from '../../src/fix/fix-file.js';
import { fixFile } from '../../src/pipeline/fix-file.js';
import { findingAt } from '../helpers/findings.js';

const SOURCE = 'void f(struct page *page)\n{\n\tuse(page->mem_cgroup);\n\tuse(page->mem_cgroup->css);\n}\n';

/** A stand-in for the rules: every page->mem_cgroup with a fix to page_memcg(page). */
function review(text: string): Finding[] {
  const found: Finding[] = [];
  for (let nth = 0; text.split('page->mem_cgroup').length - 1 > nth; nth++) {
    found.push(findingAt(text, 'page->mem_cgroup', { nth, replace: 'page_memcg(page)' }));
  }
  return found;
}

describe('applyFixes', () => {
  it('applies every fix that overlaps no earlier one and defers the rest', () => {
    const whole = findingAt(SOURCE, 'use(page->mem_cgroup);', { replace: 'use(page_memcg(page));' });
    const inner = findingAt(SOURCE, 'page->mem_cgroup', { replace: 'page_memcg(page)' });
    const later = findingAt(SOURCE, 'page->mem_cgroup', { nth: 1, replace: 'page_memcg(page)' });
    const pass = applyFixes(SOURCE, [inner, later, whole]);
    expect(pass.applied).toEqual([whole, later]);
    expect(pass.deferred).toEqual([inner]);
    expect(pass.text).toBe(SOURCE.replaceAll('page->mem_cgroup', 'page_memcg(page)'));
  });

  it('leaves findings without a fix alone', () => {
    const f = findingAt(SOURCE, 'page->mem_cgroup');
    expect(applyFixes(SOURCE, [f])).toEqual({ text: SOURCE, applied: [], deferred: [] });
  });
});

describe('fixFile', () => {
  it('re-reviews through the caller while fixes were deferred, at most maxPasses times', () => {
    const wide = findingAt(SOURCE, '\tuse(page->mem_cgroup);\n\tuse(page->mem_cgroup->css);', {
      replace: '\tuse(page->mem_cgroup);\n\tuse(&page_memcg(page)->css);',
    });
    const first = review(SOURCE);
    let calls = 0;
    const fixed = fixFile(SOURCE, [wide, ...first], (text) => (calls++, review(text)));
    expect(fixed.text).toBe('void f(struct page *page)\n{\n\tuse(page_memcg(page));\n\tuse(&page_memcg(page)->css);\n}\n');
    expect(fixed.passes).toBe(2);
    expect(calls).toBe(1);
    expect(fixed.applied).toHaveLength(2);
  });

  it('stops after maxPasses', () => {
    const grow = (text: string) => [findingAt(text, 'x', { replace: 'xx' }), findingAt(text, 'x', { replace: 'y' })];
    const fixed = fixFile('x', grow('x'), grow, 3);
    expect(fixed.passes).toBe(3);
    expect(fixed.text).toBe('xxxx');
  });
});
