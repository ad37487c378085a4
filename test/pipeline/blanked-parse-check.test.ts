/**
 * The reviewer parses a file with the bodies it never enters blanked; the parse check must still
 * judge a fix outside every function by the whole text. This patch (the fuzzer's, seed 20261203,
 * execution 1836, made from fixtures/verify/page-5.15) damages a header at file level: checked on
 * the blanked text alone, a fix there was kept that gave the fixed post-image a new syntax error.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCParser, type CParser } from '../../src/c/parser.js';
import { countSyntaxErrors } from '../../src/c/source-analysis.js';
import { reviewAndFix } from '../../src/pipeline/review-and-fix.js';
import type { InputsReview } from '../../src/pipeline/review-inputs.js';
import { islandsOf } from '../../src/review/review-islands.js';
import { createReviewer } from '../../src/review/reviewer.js';
import { DEFAULT_OPTIONS } from '../../src/types.js';

const PATCH = fs.readFileSync(fileURLToPath(new URL('fixtures/blanked-recovery.patch', import.meta.url)), 'utf8');

let parser: CParser;
beforeAll(async () => {
  parser = await loadCParser();
});

/** Syntax errors of each post-image, its islands parsed whole, as the fuzzer counts them. */
function imageErrors(review: InputsReview): Map<string, number> {
  const out = new Map<string, number>();
  for (const images of review.patches?.perPatch ?? []) {
    for (const image of images) {
      const texts = image.complete ? [image.text] : [...islandsOf(image)].map((i) => i.file.text);
      for (const text of texts) {
        const tree = parser.parse(text);
        out.set(image.path, (out.get(image.path) ?? 0) + countSyntaxErrors(tree.rootNode));
        tree.delete();
      }
    }
  }
  return out;
}

test('a fix at file level that adds a syntax error to the whole text is withdrawn, though the blanked text hides it', async () => {
  const reviewer = await createReviewer(DEFAULT_OPTIONS);
  const { before, fix, after } = reviewAndFix(reviewer, { patches: [{ source: 'fuzz.patch', text: PATCH }], sources: [] }, 'v5.11', { fix: true, level: 'assumed' });
  // Fixes are offered and applied: the check below compares real fixed text.
  expect(fix!.applied.length).toBeGreaterThan(0);
  const was = imageErrors(before);
  expect([...was.values()].some((n) => n > 0)).toBe(true);
  for (const [file, n] of imageErrors(after!)) expect({ file, errors: n }).toEqual({ file, errors: Math.min(n, was.get(file) ?? 0) });
});
