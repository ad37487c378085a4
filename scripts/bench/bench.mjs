#!/usr/bin/env node
/**
 * npm run bench: times `memcg-review audit` on Debian's linux-source-5.10 and 6.1 trees against
 * the two baselines of the same run, over the same files (.c and .h, no folder starting with '.',
 * symbolic links not followed):
 *   - grep -rE with the reviewer's relevant tokens: the floor (reading every file once);
 *   - spatch (Coccinelle) with scripts/bench/memcg-v5.11.cocci, an equivalent semantic patch.
 * Prints wall time, CPU time (user + sys) and peak RSS of each, measured by GNU time, and the
 * ratios against the targets of issue 5 (5.10 tree: wall < 2 s, <= 3x grep, >= 4x faster than
 * spatch, peak RSS < 300 MB). Every tool runs once untimed first, so all runs read a warm page
 * cache; then BENCH_RUNS rounds (default 5) run the tools in turn, spatch BENCH_SPATCH_RUNS
 * times (default 1: it takes a while). Medians are reported, with the fastest run.
 *
 * Installs what is missing with apt-get (coccinelle, time) when it can: it is root or has sudo.
 * Nothing here asserts on time: it measures and prints.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = path.join(ROOT, 'dist/cli/main.js');
const COCCI = path.join(ROOT, 'scripts/bench/memcg-v5.11.cocci');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SPATCH_RUNS = Number(process.env.BENCH_SPATCH_RUNS ?? 1);
const JOBS = String(os.availableParallelism());
const TOKENS = 'mem_cgroup\\b|obj_cgroups|memcg_data|Kmemcg';

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

function benchTree(version, target) {
  const tree = fetchTree(version);
  const { files, mb } = countFiles(tree);
  log(`\nlinux-source-${version}: ${files.toLocaleString('en-US')} C files, ${mb.toFixed(0)} MB (${tree})`);
  const tools = {
    grep: ['grep', '-rlE', '--include=*.c', '--include=*.h', '--exclude-dir=.?*', TOKENS, '.'],
    audit: [process.execPath, MAIN, 'audit', '.', '--target', target, '--format', 'json', '--jobs', JOBS],
  };
  if (have('spatch')) tools.spatch = ['spatch', '--sp-file', COCCI, '--dir', '.', '--include-headers', '-j', JOBS, '--very-quiet'];
  const results = Object.fromEntries(Object.keys(tools).map((k) => [k, []]));
  for (const [name, argv] of Object.entries(tools)) {
    const warm = measure(argv, tree);
    if (name === 'audit' && warm.status !== 0 && warm.status !== 1) throw new Error(`audit failed (exit ${warm.status}): ${warm.stderr}`);
  }
  for (let round = 0; round < RUNS; round++) {
    for (const [name, argv] of Object.entries(tools)) {
      if (name === 'spatch' && round >= SPATCH_RUNS) continue;
      results[name].push(measure(argv, tree));
      process.stderr.write('.');
    }
  }
  process.stderr.write('\n');
  const s = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, summary(v)]));
  log(`${'tool'.padEnd(8)}${'wall (median)'.padStart(15)}${'wall (best)'.padStart(13)}${'CPU (median)'.padStart(14)}${'peak RSS'.padStart(11)}  runs`);
  for (const [name, r] of Object.entries(s)) {
    log(`${name.padEnd(8)}${`${r.wall.toFixed(2)} s`.padStart(15)}${`${r.best.toFixed(2)} s`.padStart(13)}${`${r.cpu.toFixed(2)} s`.padStart(14)}${`${r.rss.toFixed(0)} MB`.padStart(11)}  ${r.n}`);
  }
  const a = s.audit;
  const ratioGrep = a.wall / s.grep.wall;
  log(`audit / grep: ${ratioGrep.toFixed(2)}x wall (best runs: ${(a.best / s.grep.best).toFixed(2)}x), ${(a.cpu / s.grep.cpu).toFixed(2)}x CPU`);
  if (s.spatch) log(`spatch / audit: ${(s.spatch.wall / a.wall).toFixed(1)}x wall, ${(s.spatch.cpu / a.cpu).toFixed(1)}x CPU`);
  else log('spatch: not installed (apt-get install coccinelle), no comparison');
  return { tree: version, s, ratioGrep };
}

function targets({ s, ratioGrep }) {
  const a = s.audit;
  const line = (what, ok, detail) => log(`  ${ok ? 'met   ' : 'MISSED'} ${what}: ${detail}`);
  log('\ntargets of issue 5 on the 5.10 tree (medians):');
  line('wall under 2 s', a.wall < 2, `${a.wall.toFixed(2)} s${a.wall < 2 ? '' : ` (${((a.wall / 2 - 1) * 100).toFixed(0)}% over)`}`);
  line('within 3x of grep -rE', ratioGrep <= 3, `${ratioGrep.toFixed(2)}x${ratioGrep <= 3 ? '' : ` (${((ratioGrep / 3 - 1) * 100).toFixed(0)}% over)`}`);
  if (s.spatch) {
    const r = s.spatch.wall / a.wall;
    line('at least 4x faster than spatch', r >= 4, `${r.toFixed(1)}x`);
  } else line('at least 4x faster than spatch', false, 'spatch not available, not measured');
  line('peak RSS under 300 MB', a.rss < 300, `${a.rss.toFixed(0)} MB`);
}

if (!fs.existsSync(MAIN)) throw new Error('dist/ is missing: run npm run build first (npm run bench does)');
if (!fs.existsSync('/usr/bin/time') && !aptInstall('time')) throw new Error('GNU time (/usr/bin/time) is needed: apt-get install time');
if (!have('spatch') && !aptInstall('coccinelle')) log('note: coccinelle could not be installed; spatch is left out');
log(`memcg-review bench: ${os.availableParallelism()} cores, node ${process.version}, --jobs ${JOBS}, ${RUNS} rounds (spatch ${SPATCH_RUNS})`);
log(`grep: ${execFileSync('grep', ['--version'], { encoding: 'utf8' }).split('\n')[0]}; spatch: ${have('spatch') ? execFileSync('spatch', ['--version'], { encoding: 'utf8' }).split('\n')[0] : 'none'}`);
const old = benchTree('5.10', 'v5.11');
benchTree('6.1', 'auto');
targets(old);
