import { annotations, escapeData } from '../../src/action/annotations.js';

const report = (findings: unknown[]) => JSON.stringify({ version: '1', target: 'v5.11', findings, notes: [], errors: [] });
const finding = {
  ruleId: 'memcg-field-read', severity: 'error', file: 'mm/node_stats.c', line: 16, column: 6, endLine: 16, endColumn: 22,
  message: 'page->mem_cgroup is gone since v5.11: 100% a bug', confidence: 'high',
  patch: { index: 1, subject: 'mm/node_stats: count, per node' },
  fix: { edits: [], verdict: 'proven', explanation: 'x' },
};

describe('annotations', () => {
  it('turns each finding into a workflow command on its file and line, escaped as GitHub requires', () => {
    expect(annotations(report([finding]))).toEqual([
      '::error file=mm/node_stats.c,line=16,endLine=16,col=6,endColumn=22,title=memcg-review memcg-field-read::' +
        'page->mem_cgroup is gone since v5.11: 100%25 a bug (a proven fix is offered: memcg-review check --diff) [PATCH 1: mm/node_stats: count, per node]',
    ]);
  });

  it('maps warnings and checks, leaves columns out of multi-line spans, escapes properties', () => {
    const lines = annotations(report([
      { ...finding, severity: 'warning', endLine: 18, fix: undefined, patch: undefined, file: 'mm/a,b:c.c' },
      { ...finding, severity: 'info', message: 'two\nlines\r' },
    ]));
    expect(lines[0]).toBe('::warning file=mm/a%2Cb%3Ac.c,line=16,endLine=18,title=memcg-review memcg-field-read::page->mem_cgroup is gone since v5.11: 100%25 a bug');
    expect(lines[1]).toMatch(/^::notice .*::two%0Alines%0D \(a proven fix/);
    expect(annotations(report([]))).toEqual([]);
    expect(escapeData('%\n')).toBe('%25%0A');
  });
});
