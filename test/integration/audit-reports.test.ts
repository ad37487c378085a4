/**
 * The audit's reports on three real trees (Debian's linux-source 5.10, 6.1 and 7.2, fetched at
 * test time and cached) are the ones the audit gave before its read path was made faster
 * (test/integration/expected: each report normalized by test/helpers/report-digest, so no
 * kernel text is kept), and on 5.10 the grep and JavaScript prefilters name the same files
 * and give the same report.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pathFilter } from '../../src/audit/path-filter.js';
import { fetchLinuxSource } from '../helpers/linux-source.js';
import { grepCandidates, jsCandidates } from '../helpers/prefilter-candidates.js';
import { reportDigest } from '../helpers/report-digest.js';
import { build, spawnCli } from '../helpers/spawn-cli.js';

const expected = (version: string) => JSON.parse(fs.readFileSync(fileURLToPath(new URL(`expected/audit-${version}.json`, import.meta.url)), 'utf8'));

beforeAll(() => build(), 120_000);

describe.each([
  ['5.10', 'v5.11'],
  ['6.1', 'auto'],
  ['7.2', 'auto'],
] as const)('linux-source-%s', (version, target) => {
  test(`the report (--target ${target}) is the one the audit gave before`, () => {
    const tree = fetchLinuxSource(version);
    const r = spawnCli(['audit', tree, '--target', target, '--format', 'json', '--prefilter', 'grep']);
    expect(r.err).toBe('');
    // UPDATE_AUDIT_REPORTS=1 rewrites the expected digest, for a change that is meant to change findings.
    if (process.env.UPDATE_AUDIT_REPORTS === '1') fs.writeFileSync(fileURLToPath(new URL(`expected/audit-${version}.json`, import.meta.url)), `${JSON.stringify(reportDigest(JSON.parse(r.out)), null, 1)}\n`);
    expect(reportDigest(JSON.parse(r.out))).toEqual(expected(version));
    if (version === '5.10') {
      const js = spawnCli(['audit', tree, '--target', target, '--format', 'json', '--prefilter', 'js']);
      expect(js.err).toBe('');
      expect(js.out).toBe(r.out);
    }
  }, 300_000);
});

test('on linux-source-5.10, grep -rlE and the JavaScript prefilter name the same files', async () => {
  const tree = fetchLinuxSource('5.10');
  const all = pathFilter([], []);
  const g = await grepCandidates(tree, all);
  expect('fallback' in g.walked).toBe(false);
  const js = jsCandidates(tree, all);
  expect(js.length).toBeGreaterThan(40);
  expect(g.pushed).toEqual(js);
  expect(g.skipped + g.pushed.length).toBe(expected('5.10').stats.files);
  expect(g.bytes).toBeGreaterThan(0);
}, 300_000);
