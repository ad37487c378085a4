import { formatAuditJson } from '../../src/report/audit-json.js';
import { formatJson } from '../../src/report/json.js';
import { auditSample } from './audit-sample.js';

test('check’s JSON (same findings, notes, errors) with the tree, counts, detection and fixes', () => {
  const result = auditSample({ detected: { target: 'v5.11', evidence: 'e' }, fixes: { mode: 'diff', files: ['mm/page_stats.c'], applied: 1 } });
  const report = JSON.parse(formatAuditJson(result, '1.2.3'));
  const check = JSON.parse(formatJson(result, '1.2.3'));
  expect(Object.keys(report)).toEqual(['version', 'target', 'tree', 'detected', 'stats', 'fixes', 'findings', 'notes', 'errors']);
  expect(report.findings).toEqual(check.findings);
  expect(report.notes).toEqual(check.notes);
  expect(report.errors).toEqual(['mm/crash.c: review failed: boom']);
  expect(report).toMatchObject({ version: '1.2.3', target: 'v5.11', tree: 'linux <5.10>', detected: { target: 'v5.11', evidence: 'e' }, fixes: { mode: 'diff', files: ['mm/page_stats.c'], applied: 1 } });
  expect(report.stats).toEqual(result.stats);
  expect(report.findings[1]).toEqual({
    ruleId: 'memcg-field-read', severity: 'error', file: 'mm/page_stats.c', line: 3, column: 6, endLine: 3, endColumn: 22,
    message: 'open-coded read of page->mem_cgroup; use page_memcg()', confidence: 'high',
    fix: { edits: [{ line: 3, column: 6, endLine: 3, endColumn: 22, text: 'page_memcg(page)' }], verdict: 'proven', explanation: 'page is an LRU page here.' },
  });
});

test('no detection or fixes keys when there were none', () => {
  expect(Object.keys(JSON.parse(formatAuditJson(auditSample(), '1')))).toEqual(['version', 'target', 'tree', 'stats', 'findings', 'notes', 'errors']);
});
