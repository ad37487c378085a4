#!/usr/bin/env node
/**
 * Second step of `npm run build`, over tsc's output in dist/:
 * - dist/cli/cli.cjs: the CLI (src/cli/cli.ts) bundled as one CommonJS script, web-tree-sitter
 *   inside it, and dist/cli/cli.cache, V8's code cache for it (the bytecode of the functions a
 *   review runs), made by a training run on the bundled example (scripts/train-code-cache.mjs).
 *   dist/cli/main.js, the launcher, compiles the script with the cache (src/cli/code-cache.ts):
 *   a run loads one script and compiles almost nothing. Node 20's ES module loader spends about
 *   0.2 s on the ~220 modules tsc emits, as long as the whole review of a small series.
 * - dist/cli/main.js (the launcher) and the audit's worker, dist/cli/audit/review-worker.js, each
 *   bundled over its tsc output as one ES module.
 * Packages other than web-tree-sitter stay imports; the other dist/ files stay as tsc wrote them,
 * for the App (`probot run dist/app/index.js`) and for scripts that import single modules. Paths
 * beside the code are named from dist/cli only (src/cli/paths.ts), where the bundles live.
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The first lines of dist/cli/main.js, the bin (`memcg-review`): a shell line that JavaScript reads
 * as a string and a comment. Run as a program, /bin/sh starts node on the same file, as
 * `#!/usr/bin/env node` would, without NODE_EXTRA_CA_CERTS: node 20 built on OpenSSL 3 reads and
 * parses that file's certificates when it starts (nodejs/node#40524), 80 ms of every start on a
 * machine whose environment names the system's bundle, as this one's does (`node -e 0`: 0.12 s with
 * it, 0.04 s without), and the CLI opens no TLS connection. `node dist/cli/main.js` runs the same
 * code with the environment as it is.
 */
const LAUNCHER = '#!/bin/sh\n":" //; unset NODE_EXTRA_CA_CERTS; exec node "$0" "$@"\n';
const common = { absWorkingDir: root, bundle: true, platform: 'node', target: 'node20', packages: 'external', legalComments: 'none', logLevel: 'warning' };

// The launcher keeps tsc's ./cli.js an import of its own: its way to run without the bundle.
const cliStaysOut = { name: 'cli-stays-out', setup: (b) => b.onResolve({ filter: /^\.\/cli\.js$/ }, (a) => ({ path: a.path, external: true })) };
await build({ ...common, entryPoints: ['dist/cli/main.js'], outfile: 'dist/cli/main.js', allowOverwrite: true, format: 'esm', plugins: [cliStaysOut] });
// The bin starts node without NODE_EXTRA_CA_CERTS (see LAUNCHER).
const launcher = path.join(root, 'dist/cli/main.js');
const bundled = fs.readFileSync(launcher, 'utf8');
if (!bundled.startsWith('#!/usr/bin/env node\n')) throw new Error('dist/cli/main.js: expected #!/usr/bin/env node as its first line');
fs.writeFileSync(launcher, LAUNCHER + bundled.slice(bundled.indexOf('\n') + 1));
fs.chmodSync(launcher, 0o755);
await build({ ...common, entryPoints: ['dist/cli/audit/review-worker.js'], outfile: 'dist/cli/audit/review-worker.js', allowOverwrite: true, format: 'esm' });

const cache = path.join(root, 'dist/cli/cli.cache');
fs.rmSync(cache, { force: true });
await build({
  ...common,
  entryPoints: ['dist/cli/cli.js'],
  outfile: 'dist/cli/cli.cjs',
  format: 'cjs',
  // Bundled, so that no import() is left to run: V8 runs a script compiled from a code cache
  // without a dynamic import callback.
  alias: { 'web-tree-sitter': createRequire(import.meta.url).resolve('web-tree-sitter') },
  // The bundle lives beside main.js: the paths tsc's modules take from import.meta.url hold.
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: 'var __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
});

// The training run, in a process of its own under node's default flags, as `node dist/cli/main.js`
// runs (V8 takes a cache only under the flags it was made with); its reports are not shown.
const { NODE_OPTIONS: _, ...env } = process.env;
const train = spawnSync(process.execPath, [path.join(root, 'scripts/train-code-cache.mjs')], { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
if (train.status !== 0) throw new Error(`scripts/train-code-cache.mjs failed (exit ${train.status}):\n${train.stderr}`);
