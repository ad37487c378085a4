/**
 * The built CLI as a process: worker threads (each with its own reviewer) give exactly what the
 * main thread gives, and the progress line shows on a terminal only.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build, MAIN, spawnCli } from '../../helpers/spawn-cli.js';
import { tempDir } from '../../helpers/tree.js';
import { AUDIT_TREE, snapshot } from './audit-fixture.js';

let big: string;

/** The fixture tree copied into 24 subsystems, with 400 files that hold no relevant token between them. */
function bigTree(): string {
  const dir = tempDir('memcg-audit-big-');
  for (let i = 0; i < 24; i++) fs.cpSync(AUDIT_TREE, path.join(dir, i % 2 ? 'drivers' : 'fs', `sub${i}`), { recursive: true });
  for (let i = 0; i < 400; i++) {
    const file = path.join(dir, 'lib', `f${i % 7}`, `plain${i}.c`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `int plain${i}(int a) { return a + ${i}; } /* cgroup-free */\n`);
  }
  return dir;
}

beforeAll(() => {
  build();
  big = bigTree();
}, 120_000);
afterAll(() => fs.rmSync(big, { recursive: true, force: true }));

test('findings are identical with 1 job and with 2 and 3 (json and sarif)', () => {
  for (const format of ['json', 'sarif']) {
    const one = spawnCli(['audit', big, '--format', format, '--jobs', '1']);
    expect(one.err).toBe('');
    expect(one.code).toBe(1);
    expect(JSON.parse(one.out)).toBeTruthy();
    for (const jobs of ['2', '3']) {
      const n = spawnCli(['audit', big, '--format', format, '--jobs', jobs]);
      expect({ code: n.code, err: n.err }).toEqual({ code: 1, err: '' });
      expect(n.out).toBe(one.out);
    }
  }
  const report = JSON.parse(spawnCli(['audit', big, '--format', 'json', '--jobs', '2']).out);
  expect(report.stats).toMatchObject({ files: 24 * 7 + 400, parsed: 24 * 5, withFindings: 24 * 4 });
  expect(report.findings).toHaveLength(24 * 11);
}, 120_000);

test('the grep and JavaScript prefilters give the same report, on worker threads and on the main thread', () => {
  const js = spawnCli(['audit', big, '--format', 'json', '--jobs', '2', '--prefilter', 'js']);
  expect({ code: js.code, err: js.err }).toEqual({ code: 1, err: '' });
  for (const [prefilter, jobs] of [['grep', '2'], ['grep', '1'], ['auto', '3'], ['js', '1']] as const) {
    const r = spawnCli(['audit', big, '--format', 'json', '--jobs', jobs, '--prefilter', prefilter]);
    expect({ prefilter, jobs, code: r.code, err: r.err }).toEqual({ prefilter, jobs, code: 1, err: '' });
    expect(r.out).toBe(js.out);
  }
  const diff = spawnCli(['audit', big, '--diff', '--prefilter', 'grep']);
  expect(diff.out).toBe(spawnCli(['audit', big, '--diff', '--prefilter', 'js']).out);
}, 120_000);

test('a tree with nothing to parse gives the same counts either way', () => {
  const plain = tempDir('memcg-plain-');
  for (let i = 0; i < 5; i++) fs.writeFileSync(path.join(plain, `p${i}.c`), `int p${i};\n`);
  const outs = ['grep', 'js'].map((p) => spawnCli(['audit', plain, '--format', 'json', '--prefilter', p]));
  for (const r of outs) expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
  expect(outs[0]!.out).toBe(outs[1]!.out);
  expect(JSON.parse(outs[0]!.out).stats).toMatchObject({ files: 5, candidates: 0, parsed: 0 });
});

test('--fix on worker threads leaves the tree --fix on the main thread leaves', () => {
  const a = tempDir('memcg-fix-a-');
  const b = tempDir('memcg-fix-b-');
  fs.cpSync(big, a, { recursive: true });
  fs.cpSync(big, b, { recursive: true });
  expect(spawnCli(['audit', a, '--fix=assumed', '--jobs', '1']).code).toBe(1);
  expect(spawnCli(['audit', b, '--fix=assumed', '--jobs', '2']).code).toBe(1);
  const fixed = snapshot(a);
  expect(snapshot(b)).toEqual(fixed);
  expect(fixed['fs/sub0/mm/memcontrol.c']).toContain('VM_BUG_ON_PAGE(page_memcg(page), page);');
  const again = JSON.parse(spawnCli(['audit', b, '--format', 'json', '--jobs', '2']).out);
  expect(again.findings.filter((f: { fix?: { verdict: string } }) => f.fix?.verdict === 'proven' || f.fix?.verdict === 'assumed')).toEqual([]);
}, 120_000);

test('no progress line when stderr is not a terminal', () => {
  const r = spawnCli(['audit', big, '--format', 'json', '--jobs', '2']);
  expect(r.err).toBe('');
});

test('a progress line (percentage of the files walked first, time left, parsed, findings) on stderr when it is a terminal, cleared at the end', () => {
  const out = path.join(tempDir('memcg-tty-'), 'report.json');
  // script(1) runs the CLI on a pseudo-terminal; its typescript is what the terminal showed.
  const r = spawnSync('script', ['-qec', `${process.execPath} ${MAIN} audit ${big} --format json --jobs 2 -o ${out}`, '/dev/null'], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  expect(r.status).toBe(1);
  const shown = r.stdout;
  expect(shown).toMatch(/\r\x1b\[K\S audit: \d+% [\d,]+\/568 files.*, [\d,]+ parsed, [\d,]+ findings?/);
  expect(shown).toContain(`\r\x1b[Kmemcg-review: 568 files scanned, 120 parsed, 264 findings found; report in ${out}`);
  expect(JSON.parse(fs.readFileSync(out, 'utf8')).findings).toHaveLength(264);
}, 60_000);
