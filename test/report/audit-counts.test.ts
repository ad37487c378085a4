import { countBy } from '../../src/report/audit-counts.js';
import type { Finding } from '../../src/types.js';
import { findingAt } from '../helpers/findings.js';

const TEXT = 'a = page->mem_cgroup;\nb = head->mem_cgroup;\nc = p->mem_cgroup;\nd = q->mem_cgroup;\n';
const withVerdict = (needle: string, verdict?: string): Finding => {
  const f = findingAt(TEXT, needle, { replace: 'x' });
  if (verdict) f.fix!.verdict = verdict as never;
  else delete f.fix;
  return f;
};

test('counts proven, assumed and conditional fixes apart; the rest have none', () => {
  const [g] = countBy([withVerdict('page', 'proven'), withVerdict('head', 'assumed'), withVerdict('p->', 'conditional'), withVerdict('q->')], () => 'mm');
  expect(g).toMatchObject({ key: 'mm', total: 4, proven: 1, assumed: 1, conditional: 1 });
});
