/**
 * The parse check of fixed text belongs to the pipeline (parse-check): the reviewer's fixes are
 * candidates; reviewAndFix withdraws those that would break the parse before any result, fix or
 * reporter sees them, and keeps a source's findings on its lines in scope.
 */
import { loadCParser, type CParser } from '../../src/c/parser.js';
import { ReviewLimitError } from '../../src/c/source-analysis.js';
import { parseChecked } from '../../src/pipeline/parse-check.js';
import { reviewAndFix } from '../../src/pipeline/review-and-fix.js';
import type { Reviewer } from '../../src/review/reviewer.js';
import type { Finding } from '../../src/types.js';
import { fileURLToPath } from 'node:url';
import { findingAt } from '../helpers/findings.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures', import.meta.url));

const TEXT = 'int a(struct page *p)\n{\n\treturn f(p->mem_cgroup);\n}\n\nint b(struct page *q)\n{\n\treturn g(q->mem_cgroup);\n}\n';

let parser: CParser;
beforeAll(async () => {
  parser = await loadCParser();
});

/** A reviewer whose fix for p breaks the parse (an unclosed call) and whose fix for q does not; it reports q first. */
function reviewer(maxReviewMillis = 30_000): Reviewer & { calls: number } {
  const r = {
    calls: 0,
    fixCheck: { parser, maxReviewMillis },
    review(file: { path: string; text: string }): Finding[] {
      r.calls++;
      const found: Finding[] = [];
      if (file.text.includes('q->mem_cgroup')) found.push(findingAt(file.text, 'q->mem_cgroup', { file: file.path, replace: 'page_memcg(q)' }));
      if (file.text.includes('p->mem_cgroup')) found.push(findingAt(file.text, 'p->mem_cgroup', { file: file.path, replace: 'page_memcg(p' }));
      return found;
    },
  };
  return r;
}

test('the reviewer offers both fixes; the pipeline withdraws the one that breaks the parse, and orders the findings', () => {
  const raw = reviewer();
  expect(raw.review({ path: 'mm/x.c', text: TEXT }).map((f) => !!f.fix)).toEqual([true, true]);
  const { before, fix, after } = reviewAndFix(raw, { patches: [], sources: [{ path: 'mm/x.c', text: TEXT }] }, 'v5.11', { fix: true });
  expect(before.result.findings.map((f) => [f.line, !!f.fix])).toEqual([[3, false], [8, true]]);
  expect(fix!.inputs.sources[0]!.text).toBe(TEXT.replace('q->mem_cgroup', 'page_memcg(q)'));
  expect(after!.result.findings.map((f) => [f.line, !!f.fix])).toEqual([[3, false]]);
});

test('without fixCheck (checked already, or a test double) findings are only ordered, and checking twice changes nothing', () => {
  const raw = reviewer();
  const once = parseChecked(raw);
  expect(once.fixCheck).toBeNull();
  const twice = parseChecked(once).review({ path: 'mm/x.c', text: TEXT });
  expect(twice).toEqual(once.review({ path: 'mm/x.c', text: TEXT }));
  const { fixCheck: _, ...double } = reviewer();
  expect(parseChecked(double as Reviewer).review({ path: 'mm/x.c', text: TEXT }).map((f) => [f.line, !!f.fix])).toEqual([[3, true], [8, true]]);
});

test('the check shares the file review’s time: past it, the file stops at the review-time limit', () => {
  const slow = reviewer(-1);
  expect(() => parseChecked(slow).review({ path: 'mm/x.c', text: TEXT })).toThrow(ReviewLimitError);
  const { before } = reviewAndFix(slow, { patches: [], sources: [{ path: 'mm/x.c', text: TEXT }] }, 'v5.11');
  expect(before.result.notes).toEqual([{ file: 'mm/x.c', message: 'not reviewed: the review took longer than -1 ms' }]);
  expect(before.result.findings).toEqual([]);
});

test('lines in scope: only findings on them are kept, and only they count as checked', () => {
  const inputs = { patches: [], sources: [{ path: 'mm/x.c', text: TEXT, inScope: new Set([8, 9]) }] };
  const { before } = reviewAndFix(reviewer(), inputs, 'v5.11');
  expect(before.result.findings.map((f) => f.line)).toEqual([8]);
  expect(before.result.linesChecked).toBe(2);
  const whole = reviewAndFix(reviewer(), { patches: [], sources: [{ path: 'mm/x.c', text: TEXT }] }, 'v5.11').before;
  expect(whole.result.linesChecked).toBe(9);
  // A file the review stopped on counts none of its lines in scope.
  const stopped = reviewAndFix(reviewer(-1), inputs, 'v5.11').before;
  expect(stopped.result.linesChecked).toBe(0);
});

test('the audit’s rounds: a C file fixed until its re-review offers no fix at the level, its last review is `after`', () => {
  const raw = reviewer();
  const { fix, after } = reviewAndFix(raw, { patches: [], sources: [{ path: 'mm/x.c', text: TEXT }] }, 'v5.11', { fix: true, rounds: 4 });
  expect(fix!.applied.map((f) => f.line)).toEqual([8]);
  expect(after!.result.findings.map((f) => [f.line, !!f.fix])).toEqual([[3, false]]);
  // One review, one after the fix: the last one is not repeated for `after`.
  expect(raw.calls).toBe(2);
  expect(() => reviewAndFix(raw, { patches: [{ source: 'a.patch', text: '' }], sources: [] }, 'v5.11', { fix: true, rounds: 4 })).toThrow(/C files only/);
});

test('the real reviewer hands over its own parse: the check needs no parse of its own, and finds the same', async () => {
  const { createReviewer } = await import('../../src/review/reviewer.js');
  const fs = await import('node:fs');
  const path = await import('node:path');
  const { DEFAULT_OPTIONS } = await import('../../src/types.js');
  const files = (function walk(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.c') ? [path.join(dir, e.name)] : []));
  })(FIXTURES);
  const real = await createReviewer(DEFAULT_OPTIONS);
  // The same reviewer without `parsed`: the check parses the text itself.
  const own: Reviewer = { review: (f) => real.review(f), fixCheck: { parser: real.fixCheck!.parser, maxReviewMillis: real.fixCheck!.maxReviewMillis } };
  let handed = 0;
  for (const file of files) {
    const source = { path: path.relative(FIXTURES, file), text: fs.readFileSync(file, 'utf8') };
    const withFacts = parseChecked(real).review({ ...source });
    const fixes = withFacts.filter((f) => f.fix).length;
    const probe = { ...source };
    if (real.review(probe).some((f) => f.fix && f.fix.edits.length > 0)) {
      expect(real.fixCheck!.parsed!(probe)).toBeDefined();
      handed++;
    }
    const ownParse = parseChecked(own).review({ ...source });
    expect({ file, fixes, findings: ownParse }).toEqual({ file, fixes, findings: withFacts });
  }
  expect(handed).toBeGreaterThan(5);
});
