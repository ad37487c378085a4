import { staleComment } from '../../src/rules/stale-comment.js';
import { c, ruleTester } from './rule-tester.js';

ruleTester(staleComment, {
  valid: [
    { name: 'a comment in v5.11 words', code: c`
/* the page's memcg is stable under the page lock */
` },
    { name: 'code is not a comment', code: c`
static void f(struct page *page) { g(page_memcg(page)); }
` },
  ],
  invalid: [
    {
      name: 'a comment naming the removed field is an info-level note',
      code: c`
static void f(struct page *page)
{
	/* All other pages use page->mem_cgroup */
	g(page_memcg(page));
}
`,
      errors: [{ line: 3, column: 25, severity: 'info', message: 'comment names page->mem_cgroup, which v5.11 removed' }],
      output: null,
    },
  ],
});
