/**
 * The built CLI is bundled (scripts/bundle.mjs): main.js and the audit's worker each load no module
 * of dist/ but themselves, and what they find beside their code (package.json, the rule pages, the
 * worker, main.js for hooks) is found from the bundle's place.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build, MAIN, ROOT, spawnCli } from '../helpers/spawn-cli.js';

beforeAll(() => build(), 120_000);

/** Relative module specifiers in a built file: `from './x.js'`, `import('../y.js')`. */
const relativeImports = (file: string) => [...fs.readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]);

test('main.js and the worker are single modules: no relative import is left', () => {
  const worker = path.join(ROOT, 'dist/cli/audit/review-worker.js');
  expect(relativeImports(MAIN)).toEqual([]);
  expect(relativeImports(worker)).toEqual([]);
  // The unbundled modules beside them still import each other (the check above can find imports).
  expect(relativeImports(path.join(ROOT, 'dist/cli/run.js')).length).toBeGreaterThan(0);
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
