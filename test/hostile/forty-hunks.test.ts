/**
 * A patch whose hunks are each damaged on their own (braces closed that they never opened, blocks
 * left open, `#if` halves, an open comment, an open parenthesis) and checked without a tree: every
 * hunk's added read is found, because each hunk is parsed apart from the others.
 */
import { createReviewer, type Reviewer } from '../../src/review/reviewer.js';
import { reviewPatches } from '../../src/review/review-patches.js';
import { DEFAULT_OPTIONS } from '../../src/types.js';

/** The context around each hunk's added line: each leaves the parse somewhere else. */
const DAMAGE: [string[], string[]][] = [
  [['\t}', '}', '', 'static void f%(struct page *page)', '{'], ['\tif (page) {', '\t\tx = 1;']],
  [['#else', '\tbar();'], ['#ifdef CONFIG_MEMCG', '\tbaz(']],
  [['\t\t}', '\t}'], ['\tif (a) {', '\t\tif (b) {']],
  [['#endif', '\t}'], ['#if defined(CONFIG_X)', '\t/* open comment']],
  [['\t * a comment ends here */', '\tfoo(a,'], ['\t\t b);', '\tbar((']],
  [['}', '#elif X'], ['\tswitch (x) {', '\tcase 1:']],
  [['\t\t\treturn;', '\t\t}'], ['\tdo {', '\t\t"a string with { and /* in it";']],
  [['#endif /* X */', '}'], ['#ifndef Y', 'static int g%(']],
];

function hunkOf(k: number, line: number): { text: string; added: number } {
  const [before, after] = DAMAGE[k % DAMAGE.length]!;
  const b = before.map((l) => l.replace('%', String(k)));
  const a = after.map((l) => l.replace('%', String(k)));
  const body = [...b.map((l) => ` ${l}`), `+\tmemcg${k} = page->mem_cgroup;`, ...a.map((l) => ` ${l}`)];
  const old = b.length + a.length;
  return { text: `@@ -${line},${old} +${line},${old + 1} @@\n${body.join('\n')}\n`, added: line + b.length };
}

let reviewer: Reviewer;
beforeAll(async () => {
  reviewer = await createReviewer(DEFAULT_OPTIONS);
});

test('40 hunks in one file, each separated by unbalanced braces or #if halves: the finding of every hunk', () => {
  let patch = 'diff --git a/mm/forty.c b/mm/forty.c\n--- a/mm/forty.c\n+++ b/mm/forty.c\n';
  const added: number[] = [];
  for (let k = 0; k < 40; k++) {
    // Old and new sides differ by k lines: each hunk adds one.
    const hunk = hunkOf(k, 20 + k * 30);
    patch += hunk.text.replace(/\+(\d+),/, (_, n) => `+${Number(n) + k},`);
    added.push(hunk.added + k);
  }
  const { result } = reviewPatches(reviewer, [{ source: 'forty.patch', text: patch }], { target: 'v5.11' });
  expect(result.errors).toEqual([]);
  const lines = result.findings.filter((f) => f.ruleId === 'memcg-field-read').map((f) => f.line);
  expect(lines).toEqual(added);
  // Each finding points at its hunk's own read.
  for (const f of result.findings) expect(result.sources.values().next().value!.split('\n')[f.line - 1]).toContain('page->mem_cgroup');
});
