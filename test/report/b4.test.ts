import { formatB4 } from '../../src/report/b4.js';
import { formatText } from '../../src/report/text.js';
import { emptyResult } from '../../src/review/result.js';
import { sampleResult } from './sample.js';

describe('formatB4 (b4 review CI protocol)', () => {
  it('prints a JSON array with one result: fail on an error, the counts as summary, the text report as details', () => {
    const result = sampleResult();
    expect(JSON.parse(formatB4(result))).toEqual([
      { tool: 'memcg-review', status: 'fail', summary: '1 error, 1 warning, 1 check: open-coded memcg accesses', details: formatText(result) },
    ]);
  });

  it('warns on warnings and checks alone, as b4\'s own checkpatch handler does', () => {
    const result = sampleResult();
    result.findings = result.findings.filter((f) => f.severity !== 'error');
    expect(JSON.parse(formatB4(result))[0]).toMatchObject({ status: 'warn', summary: '1 warning, 1 check: open-coded memcg accesses' });
    result.findings = result.findings.filter((f) => f.severity === 'info');
    expect(JSON.parse(formatB4(result))[0]).toMatchObject({ status: 'warn', summary: '1 check: open-coded memcg accesses' });
  });

  it('passes a clean review without details, and fails one the reviewer could not finish', () => {
    const clean = { ...emptyResult('v5.11'), linesChecked: 12 };
    expect(formatB4(clean)).toBe('[\n  {\n    "tool": "memcg-review",\n    "status": "pass",\n    "summary": "no open-coded memcg accesses (12 lines checked)"\n  }\n]\n');
    const failed = { ...clean, errors: ['mm/x.c: review failed: boom'] };
    expect(JSON.parse(formatB4(failed))[0]).toMatchObject({ status: 'fail', summary: 'review incomplete: mm/x.c: review failed: boom' });
  });
});
