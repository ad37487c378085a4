#!/usr/bin/env node
/**
 * Second step of `npm run build`: bundles the CLI's two entry points, each over its own tsc
 * output (dist/cli/main.js and the audit's worker, dist/cli/audit/review-worker.js), so that a run
 * loads one module instead of the ~220 that tsc emits. Node 20's ES module loader spends about
 * 0.2 s on those, as long as the whole review of a small series (`npm run bench` prints both).
 * Packages stay imports (web-tree-sitter finds its .wasm beside itself); the other dist/ files
 * stay as tsc wrote them, for the App (`probot run dist/app/index.js`) and for scripts that import
 * single modules. Paths beside the code are named from dist/cli only (src/cli/paths.ts), where
 * the bundle lives.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
for (const entry of ['dist/cli/main.js', 'dist/cli/audit/review-worker.js']) {
  await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile: entry,
    allowOverwrite: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    legalComments: 'none',
    logLevel: 'warning',
  });
}
