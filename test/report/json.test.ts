import { formatJson } from '../../src/report/json.js';
import { emptyResult } from '../../src/review/result.js';
import { sampleResult } from './sample.js';

describe('formatJson', () => {
  it('writes exactly the documented shape', () => {
    const out = formatJson(sampleResult(), '1.2.3');
    expect(out.endsWith('}\n')).toBe(true);
    expect(JSON.parse(out)).toEqual({
      version: '1.2.3',
      target: 'v5.11',
      findings: [
        {
          ruleId: 'memcg/open-coded-read',
          severity: 'error',
          file: 'mm/legacy.c',
          line: 3,
          column: 9,
          endLine: 3,
          endColumn: 22,
          message: 'open-coded read of p->mem_cgroup',
          confidence: 'low',
        },
        {
          ruleId: 'memcg/open-coded-read',
          severity: 'info',
          file: 'mm/legacy.c',
          line: 3,
          column: 26,
          endLine: 3,
          endColumn: 30,
          message: 'comparison with NULL',
          confidence: 'high',
        },
        {
          ruleId: 'memcg/open-coded-read',
          severity: 'warning',
          file: 'mm/page_stats.c',
          line: 3,
          column: 6,
          endLine: 3,
          endColumn: 22,
          message: 'open-coded read of page->mem_cgroup; use page_memcg()',
          confidence: 'high',
          patch: { index: 1, subject: 'mm: count charged pages' },
          fix: {
            edits: [{ line: 3, column: 6, endLine: 3, endColumn: 22, text: 'page_memcg(page)' }],
            verdict: 'proven',
            explanation: 'page is an LRU page here.',
          },
        },
      ],
      notes: [
        { file: 'Documentation/mm/page_stats.rst', patch: { index: 1, subject: 'mm: count charged pages' }, message: 'skipped: not a C file' },
        { message: 'a second cover letter was ignored' },
      ],
      errors: [],
    });
  });

  it('keeps the key order and indents by two spaces', () => {
    const out = formatJson({ ...emptyResult('v6.18'), errors: ['x'] }, '0.1.0');
    expect(out).toBe('{\n  "version": "0.1.0",\n  "target": "v6.18",\n  "findings": [],\n  "notes": [],\n  "errors": [\n    "x"\n  ]\n}\n');
    const keys = Object.keys(JSON.parse(formatJson(sampleResult(), '0')).findings[2]);
    expect(keys).toEqual(['ruleId', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'confidence', 'patch', 'fix']);
  });
});
