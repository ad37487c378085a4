import { createReviewer } from '../../src/review/reviewer.js';
import { parseChecked } from '../../src/pipeline/parse-check.js';

/** A receiver typed only by its name is a name too: what a fix proves on it is assumed at most. */
const DECLARED = 'static void show(struct page *page)\n{\n\tstruct mem_cgroup *memcg = page->mem_cgroup;\n\tpr_info("%p", memcg);\n}\n';
const GUESSED = 'static void show(void)\n{\n\tstruct mem_cgroup *memcg = page->mem_cgroup;\n\tpr_info("%p", memcg);\n}\n';

test('a proven fix on a declared struct page stays proven; on a receiver guessed from its name it is assumed, and says so', async () => {
  const reviewer = parseChecked(await createReviewer({ target: 'v5.11', coreFiles: [] }));
  const [declared] = reviewer.review({ path: 'drivers/x.c', text: DECLARED });
  const [guessed] = reviewer.review({ path: 'drivers/x.c', text: GUESSED });
  expect(declared!.fix!.verdict).toBe('proven');
  expect(guessed!.confidence).toBe('low');
  expect(guessed!.fix!.edits.map((e) => e.text)).toEqual(declared!.fix!.edits.map((e) => e.text));
  expect(guessed!.fix!.verdict).toBe('assumed');
  expect(guessed!.fix!.explanation).toBe(`${declared!.fix!.explanation}, if page is a struct page, as its name suggests (its declaration is not in view)`);
});
