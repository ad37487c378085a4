#!/usr/bin/env node
/**
 * Makes dist/cli/cli.cache, V8's code cache of the CLI's bundle (the last step of scripts/bundle.mjs,
 * which runs it in a process of its own under node's default flags). The bundle is compiled as the
 * launcher compiles it (src/cli/code-cache.ts, under the same V8 flags), the CLI reviews the bundled
 * example series, and the cache is taken after the runs: V8 compiles a function when it is first
 * called, and a cache made before them would hold little more than the top level.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const { CLI_CODE_CACHE, loadBundle, makeCodeCache, setCliV8Flags } = await import('../dist/cli/code-cache.js');
setCliV8Flags();
const loaded = loadBundle(undefined);
if (!loaded) throw new Error('dist/cli/cli.cjs is missing');
// The check of a series without a tree, its report and its fixes (the demo series has some), and an audit.
const RUNS = [
  ['check', 'fixtures/demo/series.mbox'],
  ['check', '--diff', 'fixtures/demo/series.mbox'],
  // The audit of a tree on the main thread, with grep and find as a kernel tree's audit runs them.
  ['audit', '--jobs', '1', '--format', 'json', 'fixtures/demo/tree'],
];
for (const argv of RUNS) {
  await loaded.cli.main(argv);
  if (process.exitCode !== 0 && process.exitCode !== 1) throw new Error(`memcg-review ${argv.join(' ')}: exit ${process.exitCode}`);
}
process.exitCode = 0;
const cache = fileURLToPath(CLI_CODE_CACHE);
const tmp = `${cache}.${process.pid}.tmp`;
fs.writeFileSync(tmp, makeCodeCache(loaded));
fs.renameSync(tmp, cache);
