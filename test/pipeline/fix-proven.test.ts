import { fixProven } from '../../src/pipeline/fix-proven.js';
import type { Finding } from '../../src/types.js';
import { findingAt } from '../helpers/findings.js';

const TEXT = 'a = page->mem_cgroup;\nb = head->mem_cgroup;\n';

/** A reviewer of this text: proven fixes for page, a conditional one for head. */
function review(text: string): Finding[] {
  const out: Finding[] = [];
  if (text.includes('page->mem_cgroup')) out.push(findingAt(text, 'page->mem_cgroup', { replace: 'page_memcg(page)' }));
  if (text.includes('head->mem_cgroup')) {
    out.push(findingAt(text, 'head->mem_cgroup', { fix: { edits: [], verdict: 'conditional', explanation: 'x' } }));
    const f = out[out.length - 1]!;
    f.fix = { edits: [{ start: f.start, end: f.end, text: 'page_memcg(head)' }], verdict: 'conditional', explanation: 'only on a user page' };
  }
  return out;
}

test('applies proven fixes only, and reports what remains on the fixed text', () => {
  const fixed = fixProven(TEXT, review(TEXT), review);
  expect(fixed.text).toBe('a = page_memcg(page);\nb = head->mem_cgroup;\n');
  expect(fixed.applied).toBe(1);
  expect(fixed.remaining.map((f) => f.fix?.verdict)).toEqual(['conditional']);
});

test('a fix that makes another proven is followed by another pass', () => {
  // The second read becomes proven once the first is fixed (as a tag test goes with page_memcg_check()).
  const chained = (text: string): Finding[] => {
    const out: Finding[] = [];
    if (text.includes('page->mem_cgroup')) out.push(findingAt(text, 'page->mem_cgroup', { replace: 'page_memcg(page)' }));
    if (text.includes('head->mem_cgroup')) {
      const f = findingAt(text, 'head->mem_cgroup', { replace: 'page_memcg(head)' });
      if (text.includes('page->mem_cgroup')) f.fix!.verdict = 'conditional';
      out.push(f);
    }
    return out;
  };
  const fixed = fixProven(TEXT, chained(TEXT), chained);
  expect(fixed.text).toBe('a = page_memcg(page);\nb = page_memcg(head);\n');
  expect(fixed.applied).toBe(2);
  expect(fixed.remaining).toEqual([]);
});

test('nothing proven: the text is left as it is', () => {
  const none = (text: string) => review(text).filter((f) => f.fix?.verdict !== 'proven');
  const fixed = fixProven(TEXT, none(TEXT), none);
  expect(fixed.text).toBe(TEXT);
  expect(fixed.applied).toBe(0);
  expect(fixed.remaining).toHaveLength(1);
});

test('stops after maxRounds even when a reviewer keeps offering fixes', () => {
  let n = 0;
  const endless = (text: string): Finding[] => [{ ...findingAt(text, 'a', { replace: `a${n++}` }) }];
  const fixed = fixProven('a\n', endless('a\n'), endless, 3);
  // One fix a round, exactly three rounds: a0, then a1 in front of it, then a2.
  expect(fixed.applied).toBe(3);
  expect(fixed.text).toBe('a210\n');
  expect(fixed.remaining).toHaveLength(1);
});

test('the default cap is four rounds, exactly', () => {
  let n = 0;
  const endless = (text: string): Finding[] => [{ ...findingAt(text, 'a', { replace: `a${n++}` }) }];
  const fixed = fixProven('a\n', endless('a\n'), endless);
  expect(fixed.applied).toBe(4);
  expect(fixed.text).toBe('a3210\n');
});

test('assumed fixes are applied only at level assumed; conditional ones never', () => {
  const withAssumed = (text: string): Finding[] =>
    review(text).map((f) => (f.fix && text.slice(f.start, f.end) === 'page->mem_cgroup' ? { ...f, fix: { ...f.fix, verdict: 'assumed' as never } } : f));
  expect(fixProven(TEXT, withAssumed(TEXT), withAssumed).applied).toBe(0);
  const fixed = fixProven(TEXT, withAssumed(TEXT), withAssumed, 4, 'assumed');
  expect(fixed.text).toBe('a = page_memcg(page);\nb = head->mem_cgroup;\n');
  expect(fixed.remaining.map((f) => f.fix?.verdict)).toEqual(['conditional']);
});
