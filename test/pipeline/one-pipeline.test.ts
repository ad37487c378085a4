/**
 * One pipeline (issue 12): check, check --git, the audit and the App all review through
 * pipeline/review-and-fix; nothing else loops over rules. Outside src/review (the per-file review
 * and the series review) and src/pipeline, no module asks a reviewer for a review
 * (`reviewer.review`, or `reviewWith` with the rules) nor loads the per-file or series reviews
 * (review-one, review-series, review-patches, review-islands); `import type` loads nothing and
 * is allowed. The adapters create the reviewer (createReviewer) and hand it to the pipeline.
 */
import fs from 'node:fs';
import path from 'node:path';
import { importsOf } from '../helpers/imports.js';
import { ROOT } from '../helpers/spawn-cli.js';

const SRC = path.join(ROOT, 'src');
const OWNERS = ['review', 'pipeline'].map((d) => path.join(SRC, d) + path.sep);
const LOOPS = ['review/review-one.ts', 'review/review-series.ts', 'review/review-patches.ts', 'review/review-islands.ts'].map((f) => path.join(SRC, f));

/**
 * Modules allowed to ask a reviewer for one file's review, and why. Each must still do it: an
 * entry that no longer does is taken off.
 */
const ALLOWED: Record<string, string> = {
  // --types/--ignore: a decorator, not a loop: one file's review (parse-checked) filtered by rule id,
  // handed to the pipeline like any reviewer.
  'src/cli/check/rule-selection.ts': 'a reviewer decorator that filters one review by rule id',
};

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** How a module's text reviews files itself: the reasons, empty when it leaves that to the pipeline. */
function ownReviews(text: string, valueImports: readonly string[]): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const reasons: string[] = [];
  if (/\.review\b/.test(code)) reasons.push('asks a reviewer for a review (.review)');
  if (/\breviewWith\b/.test(code)) reasons.push('runs the rules (reviewWith)');
  for (const dep of valueImports) if (LOOPS.includes(dep)) reasons.push(`loads ${path.relative(ROOT, dep)}`);
  return reasons;
}

const rel = (file: string) => path.relative(ROOT, file);
const outside = sources(SRC).filter((f) => !OWNERS.some((o) => f.startsWith(o)));
const found = new Map(outside.map((f) => [rel(f), ownReviews(fs.readFileSync(f, 'utf8'), importsOf(f, true))]));

test('nothing outside src/review and src/pipeline reviews files itself (a short, explained allow-list)', () => {
  const offenders = [...found].filter(([file, reasons]) => reasons.length > 0 && !(file in ALLOWED)).map(([file, reasons]) => `${file}: ${reasons.join(', ')}`);
  expect(offenders).toEqual([]);
  for (const file of Object.keys(ALLOWED)) expect({ file, reasons: found.get(file)?.length ?? 0 }).not.toEqual({ file, reasons: 0 });
});

test('the check sees what it forbids (a test that can fail)', () => {
  // The App and the audit as they were before they went through the pipeline.
  const app = "import { reviewOne } from '../review/review-one.js';\nconst reviewed = reviewOne(reviewer, { path: file.path, text: file.text }, true);";
  expect(ownReviews(app, [path.join(SRC, 'review/review-one.ts')])).toEqual(['loads src/review/review-one.ts']);
  const audit = 'const review = (t: string) => reviewer.review({ path, text: t });';
  expect(ownReviews(audit, [])).toEqual(['asks a reviewer for a review (.review)']);
  expect(ownReviews("import { reviewWith } from '../review/reviewer.js';", [])).toEqual(['runs the rules (reviewWith)']);
  // A comment or a type-only import is not a review.
  expect(ownReviews('// reviewer.review(file) is the pipeline\'s\nimport type { ReadBase } from "../review/review-patches.js";', [])).toEqual([]);
  // The adapters that review do so through the pipeline: they load review-and-fix.
  for (const adapter of ['src/app/review-pull-request.ts', 'src/audit/audit-file.ts', 'src/cli/check/check.ts', 'src/cli/check/check-git.ts']) {
    expect(importsOf(path.join(ROOT, adapter), true).map(rel)).toContain('src/pipeline/review-and-fix.ts');
  }
});
