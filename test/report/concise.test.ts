import { formatCheckpatch } from '../../src/report/checkpatch.js';
import { formatText } from '../../src/report/text.js';
import { formatJson } from '../../src/report/json.js';
import { emptyResult, sourceKey } from '../../src/review/result.js';
import { findingAt } from '../helpers/findings.js';

const SOURCE = 'void f(struct page *a, struct page *b)\n{\n\tx = a->mem_cgroup;\n\ty = b->mem_cgroup;\n\t/* a->mem_cgroup is a user memcg */\n}\n';
const MESSAGE = 'page->mem_cgroup is gone since v5.11: the word that replaced it reads a tagged pointer on a kmem page';

function result(severities: ('error' | 'warning' | 'info')[] = ['error', 'error']) {
  const r = emptyResult('v5.11');
  const fix = (to: string) => ({ edits: [], verdict: 'proven' as const, explanation: `${to} matches page->mem_cgroup on every state and trips no VM_BUG_ON` });
  r.findings = severities.map((severity, k) =>
    findingAt(SOURCE, k < 2 ? `${'ab'[k]}->mem_cgroup` : 'a->mem_cgroup', { file: 'mm/x.c', severity, message: severity === 'info' ? 'comment names page->mem_cgroup, which v5.11 removed' : MESSAGE, fix: severity === 'info' ? undefined : fix(`page_memcg${k}()`), nth: k === 2 ? 1 : 0 }),
  );
  r.sources.set(sourceKey('mm/x.c', undefined), SOURCE);
  r.linesChecked = 6;
  return r;
}

describe('concise text output', () => {
  it('gives each finding one line of message; the explanation once per rule, every one under verbose', () => {
    const out = formatText(result()).split('\n');
    expect(out.filter((l) => /^mm\/x\.c:\d+: ERROR: page->mem_cgroup is gone since v5\.11$/.test(l))).toHaveLength(2);
    expect(out.filter((l) => l === '  the word that replaced it reads a tagged pointer on a kmem page')).toHaveLength(1);
    expect(out.filter((l) => l.endsWith('trips no VM_BUG_ON'))).toHaveLength(1);
    const verbose = formatText(result(), { verbose: true }).split('\n');
    expect(verbose.filter((l) => l === '  the word that replaced it reads a tagged pointer on a kmem page')).toHaveLength(2);
    expect(verbose.filter((l) => l.endsWith('trips no VM_BUG_ON'))).toHaveLength(2);
  });

  it('keeps every message whole in JSON', () => {
    const json = JSON.parse(formatJson(result(), '1')) as { findings: { message: string; fix: { explanation: string } }[] };
    expect(json.findings.map((f) => f.message)).toEqual([MESSAGE, MESSAGE]);
    expect(json.findings.every((f) => f.fix.explanation.endsWith('trips no VM_BUG_ON'))).toBe(true);
  });
});

describe('checkpatch verdict', () => {
  it('follows checkpatch: CHECKs alone leave a file ready for submission, unless --strict', () => {
    const checks = result(['info']);
    expect(formatCheckpatch(checks)).toMatch(/\nmm\/x\.c has only checks to consider and is ready for submission\.\n$/);
    expect(formatCheckpatch(checks, { style: { strict: true } })).toMatch(/\nmm\/x\.c has open-coded memcg accesses, please review\.\n$/);
    expect(formatCheckpatch(result(['warning']))).toMatch(/please review\.\n$/);
    const clean = emptyResult('v5.11');
    clean.sources.set(sourceKey('mm/x.c', undefined), SOURCE);
    expect(formatCheckpatch(clean)).not.toContain('please review');
  });
});
