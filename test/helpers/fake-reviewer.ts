import type { Finding } from '../../src/types.js';
import type { Reviewer, SourceFile } from '../../src/review/reviewer.js';
import { LineIndex } from '../../src/text/line-index.js';

/**
 * A stand-in for the rules while they are being written: flags `X->mem_cgroup` with a proven
 * fix `page_memcg(X)`, and throws on a file whose text contains `#error fake-reviewer-crash`.
 */
export function fakeReviewer(): Reviewer & { seen: SourceFile[] } {
  const seen: SourceFile[] = [];
  return {
    seen,
    review(file) {
      seen.push(file);
      if (file.text.includes('#error fake-reviewer-crash')) throw new Error('fake crash\nwith a second line');
      const index = new LineIndex(file.text);
      const found: Finding[] = [];
      for (const m of file.text.matchAll(/(\w+)->mem_cgroup\b/g)) {
        const start = m.index;
        const end = start + m[0].length;
        const from = index.position(start);
        const to = index.position(end);
        found.push({
          ruleId: 'fake/mem-cgroup',
          severity: 'warning',
          file: file.path,
          message: `open-coded read of ${m[0]}`,
          confidence: 'high',
          start,
          end,
          line: from.line,
          column: from.column,
          endLine: to.line,
          endColumn: to.column,
          fix: { edits: [{ start, end, text: `page_memcg(${m[1]})` }], verdict: 'proven', explanation: `${m[1]} is a user page.` },
        });
      }
      return found;
    },
  };
}
