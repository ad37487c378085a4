/**
 * The acceptance of the review engine, on real pre-migration code: the conversion memcg-review
 * proposes for real 5.10 files, written as a patch, reviews with no warning on its converted lines;
 * the same patch reversed (re-introducing every open-coded access) is reviewed with every such
 * added code line found. Trees come from Debian's linux-source-5.10, fetched at test time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fixFile } from '../../src/pipeline/fix-file.js';
import { unifiedDiff } from '../../src/fix/unified-diff.js';
import { createReviewer, type Reviewer } from '../../src/review/reviewer.js';
import { parseChecked } from '../../src/pipeline/parse-check.js';
import { reviewPatches } from '../../src/review/review-patches.js';
import { DEFAULT_OPTIONS, type Finding } from '../../src/types.js';
import { fetchLinuxSource } from '../helpers/linux-source.js';

const FILES = [
  'mm/memcontrol.c', 'mm/slab.h', 'mm/page_alloc.c', 'mm/debug.c', 'mm/workingset.c', 'mm/huge_memory.c',
  'mm/migrate.c', 'mm/page_io.c', 'mm/percpu.c', 'fs/buffer.c', 'fs/iomap/buffered-io.c', 'kernel/fork.c',
  'include/linux/memcontrol.h', 'include/trace/events/writeback.h',
];
/** An open-coded access on a code line (comments are checked apart). */
const OPEN_CODED = /(->|\.)(mem_cgroup|obj_cgroups)\b|\b(PageKmemcg|__SetPageKmemcg|__ClearPageKmemcg)\(|\(unsigned long\)\s*\w+(->obj_cgroups)?\s*&\s*~?0x1UL/;

let reviewer: Reviewer;
const original = new Map<string, string>();
const fixed = new Map<string, string>();

beforeAll(async () => {
  const tree = fetchLinuxSource('5.10');
  reviewer = parseChecked(await createReviewer(DEFAULT_OPTIONS));
  for (const file of FILES) {
    const text = fs.readFileSync(path.join(tree, file), 'utf8');
    original.set(file, text);
    const review = (t: string) => reviewer.review({ path: file, text: t });
    fixed.set(file, fixFile(text, review(text), review).text);
  }
}, 300_000);

function seriesReview(from: Map<string, string>, to: Map<string, string>): Finding[] {
  const patch = FILES.map((f) => unifiedDiff(f, from.get(f)!, to.get(f)!)).join('');
  const { result } = reviewPatches(reviewer, [{ source: 'conversion.patch', text: patch }], { target: 'v5.11' }, (p) => from.get(p) ?? null);
  expect(result.errors).toEqual([]);
  return result.findings;
}

/** Files whose 5.10 code has no open-coded access (only comments, helpers, or pcpu_chunk's own field). */
const CLEAN = ['mm/percpu.c', 'mm/migrate.c', 'mm/workingset.c', 'fs/buffer.c', 'fs/iomap/buffered-io.c', 'kernel/fork.c'];

test('the conversion changes every file that has open-coded accesses, and no percpu code', () => {
  for (const f of FILES) {
    const touched = fixed.get(f) !== original.get(f);
    expect({ f, touched }).toEqual({ f, touched: !CLEAN.includes(f) });
  }
});

test('the conversion, as a patch on 5.10, has no warning or error on its converted lines', () => {
  const findings = seriesReview(original, fixed).filter((x) => x.severity !== 'info');
  expect(findings.map((x) => `${x.file}:${x.line} ${x.ruleId}: ${x.message}`)).toEqual([]);
});

test('the conversion reversed: every added line that opens the word by hand is found', () => {
  const findings = seriesReview(fixed, original);
  const patch = FILES.map((f) => unifiedDiff(f, fixed.get(f)!, original.get(f)!)).join('');
  const missed: string[] = [];
  let file = '';
  let line = 0;
  for (const l of patch.split('\n')) {
    if (l.startsWith('+++ b/')) file = l.slice(6);
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)/.exec(l);
    if (hunk) line = Number(hunk[1]);
    else if (l.startsWith('+') && !l.startsWith('+++')) {
      const code = l.slice(1).trim();
      const comment = /^(\/\*|\*|\/\/)/.test(code);
      const covered = findings.some((x) => x.file === file && x.line <= line && line <= x.endLine && x.severity !== 'info');
      if (!comment && OPEN_CODED.test(code) && !covered) missed.push(`${file}:${line}: ${code}`);
      line++;
    } else if (l.startsWith(' ')) line++;
  }
  expect(missed).toEqual([]);
  expect(findings.filter((x) => x.severity === 'error').length).toBeGreaterThan(40);
});
