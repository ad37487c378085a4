#!/usr/bin/env node
/**
 * npm run bench: times `memcg-review audit` on Debian's linux-source-5.10, 6.1 and 7.2 trees
 * (fetched and cached by scripts/fetch-linux-source) against, in the same run and over the same
 * files (.c and .h, no folder starting with '.', symbolic links not followed):
 *   - grep: `grep -rlE` with the reviewer's own relevant tokens (RELEVANT): the floor, one read
 *     of every file; every ratio printed is a tool's median wall time over grep's;
 *   - audit: the audit as shipped, run as the installed `memcg-review` runs (dist/cli/main.js as a
 *     program; --prefilter auto: the literal search handed to grep when it is there); audit-node:
 *     the same run as `node dist/cli/main.js`, which keeps NODE_EXTRA_CA_CERTS (node 20 parses that
 *     file's certificates as it starts, see scripts/bundle.mjs); and audit-js: --prefilter js (the
 *     JavaScript fallback);
 *   - ast-grep: @ast-grep/cli (an exact-pinned dev dependency; its binary comes from the npm
 *     registry's @ast-grep/cli-<platform> package) with scripts/bench/memcg-v5.11.ast-grep.yml,
 *     .gitignore files not obeyed (the audit reads them all); its own thread count (-j cannot
 *     be combined with --json);
 *   - spatch (Coccinelle) with scripts/bench/memcg-v5.11.cocci, when it is installed.
 * Prints wall time, CPU time (user + sys) and peak RSS of each, measured by GNU time, each
 * tool's ratio to grep, then the targets of issue 13 (medians): the audit of 5.10 within 1.5x
 * grep's wall with peak RSS at most 250 MB, 6.1 and 7.2 within 1.6x; and a Markdown table for
 * the README. The machine, the date and the load average (before and after) are printed with
 * it: on a busy machine the ratios of one run still compare tools under the same load, but
 * they are noisy.
 *
 * Every tool runs once untimed first, so all runs read a warm page cache; then BENCH_RUNS rounds
 * (default 5) run the tools in turn; ast-grep and spatch run BENCH_SLOW_RUNS times (default 1:
 * they take a while). BENCH_TREES (default "5.10 6.1 7.2") picks the trees, BENCH_TOOLS
 * (default all) the tools. GNU time is installed with apt-get when missing and possible;
 * Coccinelle only with BENCH_INSTALL_SPATCH=1. Nothing here asserts on time.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = path.join(ROOT, 'dist/cli/main.js');
const COCCI = path.join(ROOT, 'scripts/bench/memcg-v5.11.cocci');
const AST_GREP_RULE = path.join(ROOT, 'scripts/bench/memcg-v5.11.ast-grep.yml');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SLOW_RUNS = Number(process.env.BENCH_SLOW_RUNS ?? process.env.BENCH_SPATCH_RUNS ?? 1);
const TREES = (process.env.BENCH_TREES ?? '5.10 6.1 7.2').split(/\s+/).filter(Boolean);
const ONLY = process.env.BENCH_TOOLS ? new Set(process.env.BENCH_TOOLS.split(/[\s,]+/)) : null;
const JOBS = String(os.availableParallelism());
const SLOW = new Set(['ast-grep', 'spatch']);
/** The acceptance of issue 13: audit / grep wall time per tree, and the 5.10 audit's peak RSS. */
const TARGET_RATIO = { '5.10': 1.5, '6.1': 1.6, '7.2': 1.6 };
const TARGET_RSS_MB = 250;

function log(line = '') {
  process.stdout.write(line + '\n');
}

function have(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Runs apt-get as root: directly when root, through sudo otherwise. */
function aptGet(args) {
  const argv = process.getuid?.() === 0 ? ['apt-get', ...args] : ['sudo', 'apt-get', ...args];
  return spawnSync(argv[0], argv.slice(1), { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
}

const hasCandidate = (pkg) => /Candidate: (?!\(none\))/.test(spawnSync('apt-cache', ['policy', pkg], { encoding: 'utf8' }).stdout ?? '');

/** apt-get install, after checking with apt-cache policy that the package has a candidate. */
function aptInstall(pkg) {
  if (!hasCandidate(pkg)) aptGet(['update', '-qq']);
  return hasCandidate(pkg) && aptGet(['install', '-y', '-qq', '--no-install-recommends', pkg]);
}

/** The ast-grep binary of the installed @ast-grep/cli (its platform package's, not the JS shim), or null. */
function astGrepBinary() {
  try {
    const require = createRequire(path.join(ROOT, 'package.json'));
    const { resolveBinaryPath } = require('@ast-grep/cli/postinstall.js');
    const bin = resolveBinaryPath();
    return bin && fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

/** Runs a command under GNU time: wall and CPU seconds, peak RSS in MB, exit status. */
function measure(argv, cwd) {
  const out = path.join(os.tmpdir(), `memcg-bench-${process.pid}.time`);
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', '-o', out, ...argv], { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 256 << 20 });
  const [wall, user, sys, rssKb] = fs.readFileSync(out, 'utf8').trim().split('\n').pop().split(/\s+/).map(Number);
  fs.rmSync(out, { force: true });
  return { wall, cpu: user + sys, rss: rssKb / 1024, status: r.status, stderr: String(r.stderr ?? '').slice(0, 400) };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function summary(runs) {
  return { wall: median(runs.map((r) => r.wall)), best: Math.min(...runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)), rss: Math.max(...runs.map((r) => r.rss)), n: runs.length };
}

function fetchTree(version) {
  const out = execFileSync(path.join(ROOT, 'scripts/fetch-linux-source'), [version], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return out.trim().split('\n').pop();
}

function countFiles(tree) {
  const out = execFileSync('sh', ['-c', `find . -name '.?*' -prune -o -type f \\( -name '*.c' -o -name '*.h' \\) -printf '%s\\n'`], { cwd: tree, encoding: 'utf8', maxBuffer: 64 << 20 });
  const sizes = out.trim().split('\n').map(Number);
  return { files: sizes.length, mb: sizes.reduce((a, b) => a + b, 0) / 1e6 };
}

const loadavg = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

function benchTree(version, relevant, astGrep) {
  const tree = fetchTree(version);
  const target = version === '5.10' ? 'v5.11' : 'auto';
  const { files, mb } = countFiles(tree);
  log(`\nlinux-source-${version}: ${files.toLocaleString('en-US')} C files, ${mb.toFixed(0)} MB (${tree}); audit --target ${target}; load average ${loadavg()}`);
  // As installed: the bin, dist/cli/main.js run as a program (its first line starts node without
  // NODE_EXTRA_CA_CERTS, see scripts/bundle.mjs); audit-node runs the same file with node, the
  // environment as it is.
  const audit = ['audit', '.', '--target', target, '--format', 'json', '--jobs', JOBS];
  const tools = {
    grep: ['grep', '-rlE', '--include=*.c', '--include=*.h', '--exclude-dir=.?*', relevant, '.'],
    audit: [MAIN, ...audit, '--prefilter', 'auto'],
    'audit-node': [process.execPath, MAIN, ...audit, '--prefilter', 'auto'],
    'audit-js': [MAIN, ...audit, '--prefilter', 'js'],
  };
  if (astGrep) tools['ast-grep'] = [astGrep, 'scan', '--rule', AST_GREP_RULE, '--json=compact', '--no-ignore', 'vcs', '--no-ignore', 'parent', '--no-ignore', 'dot', '--no-ignore', 'exclude', '--no-ignore', 'global', '.'];
  if (have('spatch')) tools.spatch = ['spatch', '--sp-file', COCCI, '--dir', '.', '--include-headers', '-j', JOBS, '--very-quiet'];
  for (const name of Object.keys(tools)) if (ONLY && name !== 'grep' && !ONLY.has(name)) delete tools[name];
  const results = Object.fromEntries(Object.keys(tools).map((k) => [k, []]));
  for (const [name, argv] of Object.entries(tools)) {
    const warm = measure(argv, tree);
    if (name.startsWith('audit') && warm.status !== 0 && warm.status !== 1) throw new Error(`${name} failed (exit ${warm.status}): ${warm.stderr}`);
    if (SLOW.has(name)) results[name].push(warm);
    process.stderr.write('.');
  }
  for (let round = 0; round < RUNS; round++) {
    for (const [name, argv] of Object.entries(tools)) {
      // A slow tool's untimed warm-up run counts as its first run: its own reads barely depend on the cache.
      if (SLOW.has(name) && results[name].length >= SLOW_RUNS) continue;
      results[name].push(measure(argv, tree));
      process.stderr.write('.');
    }
  }
  process.stderr.write('\n');
  const s = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, summary(v)]));
  const grep = s.grep.wall;
  log(`${'tool'.padEnd(10)}${'wall (median)'.padStart(15)}${'wall (best)'.padStart(13)}${'CPU (median)'.padStart(14)}${'peak RSS'.padStart(11)}${'/ grep'.padStart(9)}  runs`);
  for (const [name, r] of Object.entries(s)) {
    log(`${name.padEnd(10)}${`${r.wall.toFixed(2)} s`.padStart(15)}${`${r.best.toFixed(2)} s`.padStart(13)}${`${r.cpu.toFixed(2)} s`.padStart(14)}${`${r.rss.toFixed(0)} MB`.padStart(11)}${`${(r.wall / grep).toFixed(2)}x`.padStart(9)}  ${r.n}`);
  }
  if (!s['ast-grep'] && (!ONLY || ONLY.has('ast-grep'))) log('ast-grep: @ast-grep/cli is not installed (npm ci installs it), no comparison');
  if (!s.spatch && (!ONLY || ONLY.has('spatch'))) log('spatch: not installed (apt-get install coccinelle, or BENCH_INSTALL_SPATCH=1), no comparison');
  log(`load average after: ${loadavg()}`);
  return { version, files, mb, s };
}

function targets(results) {
  const line = (what, ok, detail) => log(`  ${ok ? 'met   ' : 'MISSED'} ${what}: ${detail}`);
  log('\ntargets of issue 13 (medians; a busy machine makes them noisy):');
  for (const { version, s } of results) {
    if (!s.audit) continue;
    const ratio = s.audit.wall / s.grep.wall;
    const limit = TARGET_RATIO[version];
    if (limit) line(`audit of ${version} within ${limit}x grep's wall`, ratio <= limit, `${ratio.toFixed(2)}x (${s.audit.wall.toFixed(2)} s / ${s.grep.wall.toFixed(2)} s)`);
    if (version === '5.10') line(`peak RSS of the 5.10 audit at most ${TARGET_RSS_MB} MB`, s.audit.rss <= TARGET_RSS_MB, `${s.audit.rss.toFixed(0)} MB`);
  }
}

function markdown(results) {
  log('\nMarkdown (README):\n');
  log('| tree | tool | wall (median) | x grep | CPU | peak RSS |');
  log('|---|---|---|---|---|---|');
  for (const { version, files, mb, s } of results) {
    for (const [name, r] of Object.entries(s)) {
      log(`| ${version} (${files.toLocaleString('en-US')} files, ${mb.toFixed(0)} MB) | ${name} | ${r.wall.toFixed(2)} s | ${(r.wall / s.grep.wall).toFixed(2)}x | ${r.cpu.toFixed(2)} s | ${r.rss.toFixed(0)} MB |`);
    }
  }
}

if (!fs.existsSync(MAIN)) throw new Error('dist/ is missing: run npm run build first (npm run bench does)');
if (!fs.existsSync('/usr/bin/time') && !aptInstall('time')) throw new Error('GNU time (/usr/bin/time) is needed: apt-get install time');
if (!have('spatch') && process.env.BENCH_INSTALL_SPATCH === '1' && !aptInstall('coccinelle')) log('note: coccinelle could not be installed; spatch is left out');
const { RELEVANT } = await import(path.join(ROOT, 'dist/c/source-analysis.js'));
const astGrep = astGrepBinary();
const cpu = (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m) ?? [])[1] ?? os.cpus()[0]?.model ?? 'unknown CPU';
log(`memcg-review bench, ${new Date().toISOString()}`);
log(`machine: ${cpu}, ${os.availableParallelism()} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, ${os.type()} ${os.release()}; load average ${loadavg()} (1, 5, 15 min)`);
log(`node ${process.version}, --jobs ${JOBS}, ${RUNS} rounds (ast-grep and spatch: ${SLOW_RUNS}); NODE_EXTRA_CA_CERTS ${process.env.NODE_EXTRA_CA_CERTS === undefined ? 'not set' : `set (${process.env.NODE_EXTRA_CA_CERTS})`}`);
log(`grep: ${execFileSync('grep', ['--version'], { encoding: 'utf8' }).split('\n')[0]}; ast-grep: ${astGrep ? execFileSync(astGrep, ['--version'], { encoding: 'utf8' }).trim() : 'none'}; spatch: ${have('spatch') ? execFileSync('spatch', ['--version'], { encoding: 'utf8' }).split('\n')[0] : 'none'}`);
const results = TREES.map((v) => benchTree(v, RELEVANT.source, astGrep));
targets(results);
markdown(results);
