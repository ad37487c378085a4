import fs from 'node:fs';
import path from 'node:path';
import { audit } from '../../../src/cli/audit/audit.js';
import type { Deps } from '../../../src/cli/run.js';
import { createReviewer } from '../../../src/review/reviewer.js';
import { memoryIo } from '../../helpers/memory-io.js';
import { copyAuditTree } from './audit-fixture.js';

/** --baseline: a fork (a copy of the fixture tree with one file edited) against its upstream (the fixture). */
const real: Deps = { createReviewer };
const VENDOR = 'mm/page_owner_memcg.c';
const ADDED = '\nstatic struct mem_cgroup *vendor_memcg(struct page *page)\n{\n\treturn page->mem_cgroup;\n}\n';

let upstream: string;
let fork: string;
beforeEach(() => {
  upstream = copyAuditTree();
  fork = copyAuditTree();
  fs.appendFileSync(path.join(fork, VENDOR), ADDED);
});
afterEach(() => {
  fs.rmSync(upstream, { recursive: true, force: true });
  fs.rmSync(fork, { recursive: true, force: true });
});

async function cli(argv: string[]) {
  const io = memoryIo(path.dirname(fork));
  const code = await audit(['--jobs', '1', ...argv], io, real, { cores: 1 });
  return { code, out: io.out.join(''), err: io.err.join('') };
}

const vendorLine = () => fs.readFileSync(path.join(fork, VENDOR), 'utf8').split('\n').indexOf('\treturn page->mem_cgroup;') + 1;

test('json: exactly the edited line is the fork\'s; every other finding is upstream, apart', async () => {
  const without = JSON.parse((await cli([path.basename(fork), '--format', 'json'])).out);
  const r = await cli([path.basename(fork), '--format', 'json', '--baseline', upstream]);
  expect(r.code).toBe(1);
  const report = JSON.parse(r.out);
  expect(report.findings.map((f: { file: string; line: number }) => `${f.file}:${f.line}`)).toEqual([`${VENDOR}:${vendorLine()}`]);
  expect(report.baseline.tree).toBe(upstream);
  expect(report.baseline.upstream).toHaveLength(without.findings.length - 1);
  expect(report.baseline.upstream.length).toBeGreaterThan(5);
});

test('a fork identical to upstream: no finding fails (exit 0), all are listed as upstream', async () => {
  fs.writeFileSync(path.join(fork, VENDOR), fs.readFileSync(path.join(upstream, VENDOR)));
  const r = await cli([path.basename(fork), '--baseline', upstream]);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/baseline: .*: 0 findings on the fork's own code; \d+ on code identical upstream/);
  expect(r.out).toMatch(/^upstream: \d+ findings on code identical in .* \(not failing\):$/m);
  expect(r.out).toMatch(/^mm\/page_owner_memcg\.c:\d+: ERROR \[upstream\]: /m);
});

test.each(['text', 'markdown', 'html', 'sarif'] as const)('%s: the fork\'s finding in the report, upstream ones apart', async (format) => {
  const r = await cli([path.basename(fork), '--format', format, '--baseline', upstream]);
  expect(r.code).toBe(1);
  const line = vendorLine();
  if (format === 'sarif') {
    const results = JSON.parse(r.out).runs[0].results;
    const fresh = results.filter((x: { baselineState: string }) => x.baselineState === 'new');
    expect(fresh.map((x: { locations: { physicalLocation: { region: { startLine: number } } }[] }) => x.locations[0]!.physicalLocation.region.startLine)).toEqual([line]);
    const old = results.filter((x: { baselineState: string }) => x.baselineState === 'unchanged');
    expect(old.length).toBeGreaterThan(5);
    expect(old.every((x: { suppressions?: unknown[] }) => x.suppressions?.length === 1)).toBe(true);
  } else if (format === 'text') {
    expect(r.out).toContain(`${VENDOR}:${line}: ERROR:`);
    expect(r.out).toMatch(/total: 1 errors/);
    expect(r.out).toContain('[upstream]');
  } else if (format === 'markdown') {
    expect(r.out).toMatch(/## Upstream \(identical in `.*`, not failing\)/);
    expect(r.out).toContain(`at line ${line},`);
  } else {
    expect(r.out).toContain('<h2 id="upstream">Upstream: identical in');
    expect(r.out).toContain(`${VENDOR}:${line}:`);
  }
});

test('--baseline that is not a folder: a usage error naming it', async () => {
  await expect(cli([path.basename(fork), '--baseline', path.join(upstream, 'nope')])).rejects.toThrow(/^cannot read tree '.*nope': no such directory$/);
});
