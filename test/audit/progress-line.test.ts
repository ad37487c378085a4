import { progressLine } from '../../src/audit/progress-line.js';

test('files scanned with the throughput, parsed, findings', () => {
  const line = progressLine({ files: 12345, bytes: 200e6, parsed: 7, findings: 1, elapsedMs: 1000 }, 120);
  expect(line).toMatch(/^\S audit: 12,345 files scanned \(200 MB\/s\), 7 parsed, 1 finding$/);
});

test('cut to the terminal width, never wider', () => {
  const line = progressLine({ files: 1, bytes: 0, parsed: 0, findings: 2, elapsedMs: 0 }, 20);
  expect([...line].length).toBeLessThanOrEqual(19);
});
