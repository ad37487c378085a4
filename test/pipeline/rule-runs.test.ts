/**
 * The pipeline reviews each input once, and under --fix once more after fixing: the rules run that
 * many times per file, counted on every rule the real reviewer runs.
 */
import fs from 'node:fs';
import { run } from '../../src/cli/run.js';
import { createReviewer } from '../../src/review/reviewer.js';
import { RULES } from '../../src/rules/index.js';
import type { Rule } from '../../src/rules/rule.js';
import type { ReviewOptions } from '../../src/types.js';
import { memoryIo } from '../helpers/memory-io.js';
import { FIXTURES, tempDir } from '../helpers/tree.js';

let work: string;
beforeEach(() => {
  work = tempDir('memcg-runs-');
  fs.cpSync(FIXTURES, work, { recursive: true });
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

/** Runs `check` with the real rules, counting how often each file was reviewed (the rule runs of one review). */
async function countedCheck(argv: string[]) {
  const runs = new Map<string, number>();
  const counted: Rule[] = RULES.map((rule) => ({
    meta: rule.meta,
    check(ctx) {
      const key = `${rule.meta.id} ${ctx.src.path}`;
      runs.set(key, (runs.get(key) ?? 0) + 1);
      rule.check(ctx);
    },
  }));
  const io = memoryIo(work);
  const code = await run(argv, io, { createReviewer: (options: ReviewOptions) => createReviewer(options, counted) });
  const perFile = new Map<string, number>();
  for (const [key, n] of runs) {
    const [id, file] = key.split(' ') as [string, string];
    if (id === RULES[0]!.meta.id) perFile.set(file, n);
    // Every rule runs as often as the first on each file.
    expect(n).toBe(runs.get(`${RULES[0]!.meta.id} ${file}`));
  }
  return { code, out: io.out.join(''), perFile };
}

const P1 = 'split/0001-mm-page_stats-count-charged-pages.patch';

test('report mode: each input is reviewed once', async () => {
  const r = await countedCheck(['check', '--tree', 'tree', P1, 'mm/legacy_walk.c']);
  expect(r.code).toBe(1);
  expect(Object.fromEntries(r.perFile)).toEqual({ 'mm/page_stats.c': 1, 'mm/legacy_walk.c': 1 });
});

// --fix=assumed: every fix these fixtures offer is proven or assumed, so the fixed inputs are clean.
test('--fix: each input is reviewed once, then once more after the fix', async () => {
  const r = await countedCheck(['check', '--tree', 'tree', '--fix=assumed', P1, 'mm/legacy_walk.c']);
  expect(r.code).toBe(0);
  expect(r.out).toContain(`wrote: ${P1}\n`);
  expect(Object.fromEntries(r.perFile)).toEqual({ 'mm/page_stats.c': 2, 'mm/legacy_walk.c': 2 });
});

test('--diff: the same, one review and one re-review', async () => {
  const r = await countedCheck(['check', '--tree', 'tree', '--diff=assumed', P1, 'mm/legacy_walk.c']);
  expect(r.out).toContain('+++ b/mm/legacy_walk.c');
  expect(Object.fromEntries(r.perFile)).toEqual({ 'mm/page_stats.c': 2, 'mm/legacy_walk.c': 2 });
});
