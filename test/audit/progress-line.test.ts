import { progressLine } from '../../src/audit/progress-line.js';

test('files scanned with the throughput, parsed, findings', () => {
  const line = progressLine({ files: 12345, bytes: 200e6, parsed: 7, findings: 1, elapsedMs: 1000 }, 120);
  expect(line).toMatch(/^\S audit: 12,345 files scanned \(200 MB\/s\), 7 parsed, 1 finding$/);
});

test('cut to the terminal width, never wider', () => {
  const line = progressLine({ files: 1, bytes: 0, parsed: 0, findings: 2, elapsedMs: 0 }, 20);
  expect([...line].length).toBeLessThanOrEqual(19);
});

test('with the total walked first: percentage and time left at the pace so far', () => {
  const line = progressLine({ files: 12_500, bytes: 100e6, parsed: 7, findings: 3, elapsedMs: 5000, total: 50_000 }, 200);
  expect(line).toMatch(/^\S audit: 25% 12,500\/50,000 files, 15 s left \(20 MB\/s\), 7 parsed, 3 findings$/);
  const slow = progressLine({ files: 1000, bytes: 1e6, parsed: 0, findings: 0, elapsedMs: 10_000, total: 10_000 }, 200);
  expect(slow).toContain('10% 1,000/10,000 files, 1 min 30 s left');
  expect(progressLine({ files: 0, bytes: 0, parsed: 0, findings: 0, elapsedMs: 0, total: 10 }, 200)).toMatch(/audit: 0% 0\/10 files \(|audit: 0% 0\/10 files,/);
});
