/**
 * `memcg-review audit --target auto` on a real post-migration tree: Debian's linux-source-6.1,
 * fetched at test time by scripts/fetch-linux-source (cached), audited by the built CLI.
 */
import { build, spawnCli } from '../helpers/spawn-cli.js';
import { fetchLinuxSource } from '../helpers/linux-source.js';

let tree = '';
beforeAll(() => {
  tree = fetchLinuxSource('6.1');
  build();
}, 300_000);

test('detects v6.1 from the headers, reports no errors and nothing in percpu', () => {
  const r = spawnCli(['audit', tree, '--target', 'auto', '--format', 'json']);
  expect(r.err).toBe('');
  const report = JSON.parse(r.out);
  expect(report.detected).toEqual({ target: 'v6.1', evidence: 'include/linux/memcontrol.h defines folio_memcg()', api: expect.stringContaining('flags MEMCG_DATA_FLAGS_MASK, MEMCG_DATA_KMEM, MEMCG_DATA_OBJCGS') });
  expect(report.target).toBe('v6.1');
  expect(report.stats.files).toBeGreaterThan(50_000);
  expect(report.errors).toEqual([]);
  expect(report.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
  expect(report.findings.filter((f: { file: string }) => f.file.startsWith('mm/percpu'))).toEqual([]);
}, 120_000);
