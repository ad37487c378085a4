/**
 * The built CLI is bundled (scripts/bundle.mjs): main.js is a launcher that runs dist/cli/cli.cjs,
 * the CLI as one CommonJS script, with its V8 code cache (dist/cli/cli.cache, made at build time);
 * the audit's worker is one module too. What they find beside their code (package.json, the rule
 * pages, the worker, main.js for hooks) is found from the bundles' place.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { build, MAIN, ROOT, spawnCli } from '../helpers/spawn-cli.js';

beforeAll(() => build(), 120_000);

const CLI_DIR = path.join(ROOT, 'dist/cli');

/** Relative module specifiers in a built file: `from './x.js'`, `import('../y.js')`, `require("./z")`. */
const relativeImports = (file: string) => [...fs.readFileSync(file, 'utf8').matchAll(/(?:from|import|require)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]);

test('main.js, the CLI bundle and the worker load no module of dist/ but the bundle itself', () => {
  // main.js imports tsc's cli.js only when there is no bundle (a build by tsc alone).
  expect(relativeImports(MAIN)).toEqual(['./cli.js']);
  expect(relativeImports(path.join(CLI_DIR, 'cli.cjs'))).toEqual([]);
  expect(relativeImports(path.join(CLI_DIR, 'audit/review-worker.js'))).toEqual([]);
  // The unbundled modules beside them still import each other (the check above can find imports).
  expect(relativeImports(path.join(CLI_DIR, 'run.js')).length).toBeGreaterThan(0);
});

test('no import() is left in the CLI bundle but web-tree-sitter\'s for a grammar given by path, which the CLI never does', () => {
  // A script compiled from a code cache has no dynamic import callback: an import() it reaches fails.
  // The CLI hands the grammar to Language.load as bytes (src/c/parser.ts).
  const source = fs.readFileSync(path.join(CLI_DIR, 'cli.cjs'), 'utf8');
  expect([...source.matchAll(/\bimport\s*\(([^)]*)\)/g)].map((m) => m[1])).toEqual(['"fs/promises"']);
  expect(source).toMatch(/if \(input instanceof Uint8Array\) \{\s*bytes = Promise\.resolve\(input\);/);
});

test('the bundle finds package.json, the worker and the rule pages from its own place', () => {
  const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
  expect(spawnCli(['--version']).out.trim()).toBe(`memcg-review ${version}`);
  const tree = fs.mkdtempSync(path.join(ROOT, 'test-artifacts-bundle-'));
  try {
    for (const name of ['a', 'b', 'c']) fs.writeFileSync(path.join(tree, `${name}.c`), `struct page;\nstruct mem_cgroup *${name}(struct page *page)\n{\n\treturn page->mem_cgroup;\n}\n`);
    // Two workers (the bundled worker file), an HTML report (links to docs/rules/).
    const r = spawnCli(['audit', tree, '--jobs', '2', '--target', 'v5.11', '--format', 'html']);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    const link = r.out.match(/href="(file:[^"]*\/docs\/rules\/[a-z-]+\.md)"/);
    expect(link).not.toBeNull();
    expect(fs.existsSync(new URL(link![1]!))).toBe(true);
  } finally {
    fs.rmSync(tree, { recursive: true, force: true });
  }
}, 60_000);

describe('the code cache', () => {
  // A copy of the launcher, the bundle and its cache in a folder of their own (packages still resolve
  // from the repository's node_modules), to damage or edit without touching dist/.
  let copy: string;
  let cli: string;
  beforeEach(() => {
    copy = fs.mkdtempSync(path.join(ROOT, 'test-artifacts-cache-'));
    cli = path.join(copy, 'dist/cli');
    fs.mkdirSync(cli, { recursive: true });
    for (const name of ['main.js', 'cli.cjs', 'cli.cache']) fs.copyFileSync(path.join(CLI_DIR, name), path.join(cli, name));
    fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(copy, 'package.json'));
  });
  afterEach(() => fs.rmSync(copy, { recursive: true, force: true }));

  const run = (argv: string[]) => {
    const { FORCE_COLOR: _force, NO_COLOR: _no, ...inherited } = process.env;
    const r = spawnSync(process.execPath, [path.join(cli, 'main.js'), ...argv], { cwd: ROOT, encoding: 'utf8', input: '', env: { ...inherited, NODE_OPTIONS: '' } });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  const DEMO = ['check', 'fixtures/demo/series.mbox'];
  const cacheFile = () => path.join(cli, 'cli.cache');

  it('is what main.js runs: the bytecode in the cache, not the source beside it', () => {
    // V8 checks a cache against its source's length only. The same-length edit of a text the
    // training run compiled (run()'s --version line) is seen only when the bundle is compiled from
    // its source: with the cache, the cached bytecode prints the text as the build made it.
    const bundle = path.join(cli, 'cli.cjs');
    const source = fs.readFileSync(bundle, 'utf8');
    const edited = source.replace('io.stdout(`memcg-review ${io.version}', 'io.stdout(`MEMCG-REVIEW ${io.version}');
    expect(edited).not.toBe(source);
    expect(edited.length).toBe(source.length);
    fs.writeFileSync(bundle, edited);
    expect(run(['--version']).out).toMatch(/^memcg-review /);
    fs.rmSync(cacheFile());
    expect(run(['--version']).out).toMatch(/^MEMCG-REVIEW /);
  });

  it('is not needed: absent, damaged or foreign, the same report, exit code and no stderr', () => {
    const expected = run(DEMO);
    expect(expected.code).toBe(1);
    expect(expected.err).toBe('');
    expect(expected.out).toContain('page_memcg_check(page)');
    const cache = fs.readFileSync(cacheFile());
    // Damaged inside: V8 would deserialize it as it is (and can crash) without the checksum it verifies.
    const damaged = Buffer.from(cache);
    for (let k = 1000; k < damaged.length; k += 997) damaged[k]! ^= 0x5a;
    const variants: [string, Buffer | null][] = [
      ['damaged', damaged],
      ['truncated', cache.subarray(0, cache.length >> 1)],
      ['foreign', Buffer.from('not a code cache\n'.repeat(100))],
      ['empty', Buffer.alloc(0)],
      ['absent', null],
    ];
    for (const [name, bytes] of variants) {
      if (bytes) fs.writeFileSync(cacheFile(), bytes);
      else fs.rmSync(cacheFile(), { force: true });
      expect({ name, ...run(DEMO) }).toEqual({ name, ...expected });
    }
  }, 60_000);

  it('is never written at run time, there or not (an install may be read-only)', () => {
    const listing = () => fs.readdirSync(cli).map((name) => {
      const s = fs.statSync(path.join(cli, name));
      return `${name} ${s.size} ${s.mtimeMs}`;
    }).sort();
    const there = listing();
    expect(run(DEMO).code).toBe(1);
    expect(listing()).toEqual(there);
    fs.rmSync(cacheFile());
    const gone = listing();
    expect(run(DEMO).code).toBe(1);
    expect(listing()).toEqual(gone);
  }, 60_000);
});

describe('the bin (dist/cli/main.js run as a program)', () => {
  const { FORCE_COLOR: _force, NO_COLOR: _no, ...inherited } = process.env;
  const env = { ...inherited, NODE_OPTIONS: '', NODE_EXTRA_CA_CERTS: path.join(ROOT, 'no-such-certificates.pem') };

  it('starts node without NODE_EXTRA_CA_CERTS, which `node dist/cli/main.js` keeps', () => {
    expect(fs.readFileSync(MAIN, 'utf8').split('\n', 1)[0]).toBe('#!/bin/sh');
    expect(fs.statSync(MAIN).mode & 0o111).not.toBe(0);
    // A module node loads before the CLI (NODE_OPTIONS --require) says what node's environment holds.
    const dir = fs.mkdtempSync(path.join(ROOT, 'test-artifacts-bin-'));
    try {
      const tell = path.join(dir, 'tell.cjs');
      fs.writeFileSync(tell, "process.stderr.write('certs: ' + (process.env.NODE_EXTRA_CA_CERTS ?? '(unset)') + '\\n');\n");
      const told = { ...env, NODE_OPTIONS: `--require "${tell}"` };
      const byNode = spawnSync(process.execPath, [MAIN, '--version'], { cwd: ROOT, encoding: 'utf8', env: told });
      expect(byNode.stderr).toContain(`certs: ${env.NODE_EXTRA_CA_CERTS}\n`);
      const asBin = spawnSync(MAIN, ['--version'], { cwd: ROOT, encoding: 'utf8', env: told });
      expect({ status: asBin.status, out: asBin.stdout, err: asBin.stderr }).toEqual({ status: 0, out: byNode.stdout, err: 'certs: (unset)\n' });
      // Without the probe: nothing on stderr (node 20 warns there about the missing file when it keeps the variable).
      expect(spawnSync(MAIN, ['--version'], { cwd: ROOT, encoding: 'utf8', env }).stderr).toBe('');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('hands node its arguments as given and returns its exit status, through a link too', () => {
    const dir = fs.mkdtempSync(path.join(ROOT, 'test-artifacts-bin-'));
    try {
      const mbox = path.join(dir, "a series, 'quoted' $HOME.mbox");
      fs.copyFileSync(path.join(ROOT, 'fixtures/demo/series.mbox'), mbox);
      const link = path.join(dir, 'memcg-review');
      fs.symlinkSync(MAIN, link);
      const byNode = spawnSync(process.execPath, [MAIN, 'check', '--format', 'json', mbox], { cwd: ROOT, encoding: 'utf8', env: inherited });
      expect(byNode.status).toBe(1);
      for (const bin of [MAIN, link]) {
        const r = spawnSync(bin, ['check', '--format', 'json', mbox], { cwd: ROOT, encoding: 'utf8', env });
        expect({ status: r.status, out: r.stdout, err: r.stderr }).toEqual({ status: 1, out: byNode.stdout, err: '' });
      }
      expect(spawnSync(link, ['check', path.join(dir, 'missing.mbox')], { cwd: ROOT, encoding: 'utf8', env }).status).toBe(2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
