#!/usr/bin/env node
/**
 * Makes dist/cli/cli.cache, V8's code cache of the CLI's bundle (scripts/bundle.mjs runs it). The
 * bundle is compiled as the launcher compiles it (src/cli/code-cache.ts, under --liftoff-only), the
 * CLI reviews the bundled example series, and the cache is taken after the run: V8 compiles a
 * function when it is first called, and a cache made before the run would hold little more than
 * the top level.
 */
import fs from 'node:fs';
import v8 from 'node:v8';

v8.setFlagsFromString('--liftoff-only');
const { CLI_CODE_CACHE, loadBundle } = await import('../dist/cli/code-cache.js');
const loaded = loadBundle(undefined);
if (!loaded) throw new Error('dist/cli/cli.cjs is missing');
const RUNS = [
  ['check', 'fixtures/demo/series.mbox'],
];
for (const argv of RUNS) {
  await loaded.cli.main(argv);
  if (process.exitCode !== 0 && process.exitCode !== 1) throw new Error(`memcg-review ${argv.join(' ')}: exit ${process.exitCode}`);
}
process.exitCode = 0;
const tmp = `${CLI_CODE_CACHE.pathname}.${process.pid}.tmp`;
fs.writeFileSync(tmp, loaded.script.createCachedData());
fs.renameSync(tmp, CLI_CODE_CACHE);
