#!/usr/bin/env node
/**
 * npm run bench, first part: the cost of reviewing a patch series, which must be linear in its length.
 *
 * - A real 14-file patch: memcg-review's own conversion of 14 files of Debian's linux-source-5.10
 *   (the files of test/integration/round-trip-5.10, fixed by the tool), reversed so that it
 *   re-introduces every open-coded access (8 of the 14 files change). Repeated 30, 100 and 300
 *   times in one mbox, each copy touching the same files, and reviewed by `memcg-review check`
 *   without a tree (the hunk-built images). Prints patches per second for each and the ratio of
 *   300 to 30 (linear: 10x the time for 10x the patches).
 * - A 4-patch conversion series (the same conversion split into four patches by file, as the
 *   upstream v5.11 series was; reviewed as a patch author would, and with --tree on the 5.10 tree,
 *   which reviews the whole post-images) and the 4-mail demo series:
 *   wall time of the whole process, node's start included, median of BENCH_RUNS runs (default 5),
 *   run as installed (`memcg-review`: dist/cli/main.js as a program, whose first line starts node
 *   without NODE_EXTRA_CA_CERTS, see scripts/bundle.mjs) and, for the conversion, as
 *   `node dist/cli/main.js` too; next to the wall time of `node -e 0` measured the same way, with
 *   the environment as it is and without NODE_EXTRA_CA_CERTS.
 * The machine's load average is printed with the figures: wall times on a loaded machine are not
 * those of an idle one. Nothing here asserts on time.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = path.join(ROOT, 'dist');
const MAIN = path.join(DIST, 'cli/main.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const COPIES = (process.env.BENCH_SERIES ?? '30,100,300').split(',').map(Number);
const FILES = [
  'mm/memcontrol.c', 'mm/slab.h', 'mm/page_alloc.c', 'mm/debug.c', 'mm/workingset.c', 'mm/huge_memory.c',
  'mm/migrate.c', 'mm/page_io.c', 'mm/percpu.c', 'fs/buffer.c', 'fs/iomap/buffered-io.c', 'kernel/fork.c',
  'include/linux/memcontrol.h', 'include/trace/events/writeback.h',
];
const log = (line = '') => process.stdout.write(line + '\n');
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');

function fetchTree(version) {
  const out = spawnSync(path.join(ROOT, 'scripts/fetch-linux-source'), [version], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (out.status !== 0) throw new Error(`scripts/fetch-linux-source ${version} failed`);
  return out.stdout.trim().split('\n').pop();
}

const mail = (i, n, subject, body) =>
  `From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001\nFrom: Bench <bench@example.org>\nDate: Mon, 1 Jan 2024 00:00:00 +0000\nSubject: [PATCH ${i}/${n}] ${subject}\n\n${subject}.\n---\n${body}-- \n2.40.0\n\n`;

/** The tool's conversion of the 5.10 files: per file, the text before and after. */
async function conversion(tree) {
  const { createReviewer } = await import(pathToFileURL(path.join(DIST, 'review/reviewer.js')).href);
  const { fixFile } = await import(pathToFileURL(path.join(DIST, 'pipeline/fix-file.js')).href);
  const { parseChecked } = await import(pathToFileURL(path.join(DIST, 'pipeline/parse-check.js')).href);
  const { DEFAULT_OPTIONS } = await import(pathToFileURL(path.join(DIST, 'types.js')).href);
  const reviewer = parseChecked(await createReviewer(DEFAULT_OPTIONS));
  return FILES.map((file) => {
    const text = fs.readFileSync(path.join(tree, file), 'utf8');
    const review = (t) => reviewer.review({ path: file, text: t });
    return { file, text, fixed: fixFile(text, review(text), review).text };
  });
}

const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
/** CPU seconds (user + sys) of the last run, from GNU time when it is there (NaN otherwise). */
let lastCpu = NaN;

function wall(argv, cwd = ROOT) {
  const out = path.join(os.tmpdir(), `memcg-bench-series-${process.pid}.time`);
  const full = TIME ? [TIME, '-f', '%U %S', '-o', out, ...argv] : argv;
  const t0 = performance.now();
  const r = spawnSync(full[0], full.slice(1), { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 256 << 20 });
  const s = (performance.now() - t0) / 1000;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')}: exit ${r.status}: ${String(r.stderr).slice(0, 300)}`);
  lastCpu = TIME ? fs.readFileSync(out, 'utf8').trim().split('\n').pop().split(/\s+/).map(Number).reduce((a, b) => a + b, 0) : NaN;
  fs.rmSync(out, { force: true });
  return s;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const { unifiedDiff } = await import(pathToFileURL(path.join(DIST, 'fix/unified-diff.js')).href);
const tree = fetchTree('5.10');
const files = await conversion(tree);
const reversed = files.map((f) => unifiedDiff(f.file, f.fixed, f.text)).join('');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'memcg-bench-series-'));
try {
  log(`\nseries: one real 14-file patch (${files.filter((f) => f.fixed !== f.text).length} files changed, ${reversed.length.toLocaleString('en-US')} bytes) repeated; load average ${load()} on ${os.availableParallelism()} cores`);
  const per = {};
  for (const n of COPIES) {
    const mbox = path.join(work, `series-${n}.mbox`);
    fs.writeFileSync(mbox, Array.from({ length: n }, (_, k) => mail(k + 1, n, `mm: open-coded memcg accesses, copy ${k + 1}`, reversed)).join(''));
    const s = wall([process.execPath, MAIN, 'check', '--format', 'json', mbox]);
    per[n] = { s, cpu: lastCpu };
    log(`  ${String(n).padStart(4)} patches: ${s.toFixed(2).padStart(7)} s wall, ${(n / s).toFixed(1).padStart(6)} patches/s; ${lastCpu.toFixed(2).padStart(7)} s CPU, ${(n / lastCpu).toFixed(1).padStart(6)} patches per CPU second`);
  }
  const [lo, hi] = [Math.min(...COPIES), Math.max(...COPIES)];
  if (lo !== hi) {
    log(`  ${hi} / ${lo} patches: ${(per[hi].s / per[lo].s).toFixed(2)}x the wall time, ${(per[hi].cpu / per[lo].cpu).toFixed(2)}x the CPU time for ${(hi / lo).toFixed(0)}x the patches (target: at most 10x, and ${hi} under 60 s)`);
  }

  // Four patches, one per group of files, as the upstream series split its conversion.
  const groups = [['mm/memcontrol.c'], ['mm/slab.h', 'include/linux/memcontrol.h'], ['mm/page_alloc.c', 'mm/debug.c', 'mm/huge_memory.c'], ['mm/page_io.c', 'include/trace/events/writeback.h', ...FILES.slice(6, 12), 'mm/workingset.c']];
  const four = path.join(work, 'conversion-4.mbox');
  fs.writeFileSync(four, groups.map((g, k) => mail(k + 1, 4, `mm: memcg: use the helpers in ${g[0]}`, files.filter((f) => g.includes(f.file)).map((f) => unifiedDiff(f.file, f.text, f.fixed)).join(''))).join(''));
  const runs = (argv) => {
    const w = [];
    const c = [];
    for (let k = 0; k < RUNS; k++) {
      w.push(wall(argv));
      c.push(lastCpu);
    }
    return { wall: median(w), cpu: median(c) };
  };
  const show = (r) => `${r.wall.toFixed(3)} s wall, ${r.cpu.toFixed(3)} s CPU`;
  const node = runs([process.execPath, '-e', '0']);
  const extraCerts = process.env.NODE_EXTRA_CA_CERTS;
  const nodeNoCerts = runs(['env', '-u', 'NODE_EXTRA_CA_CERTS', process.execPath, '-e', '0']);
  // As installed: the bin (dist/cli/main.js run as a program, which starts node without
  // NODE_EXTRA_CA_CERTS: scripts/bundle.mjs), and the same file run by node, environment as it is.
  const conv = runs([MAIN, 'check', four]);
  const convNode = runs([process.execPath, MAIN, 'check', four]);
  const convTree = runs([MAIN, 'check', '--tree', tree, four]);
  const demo = runs([MAIN, 'check', '--tree', 'fixtures/demo/tree', 'fixtures/demo/series.mbox']);
  log(`\n4-patch series, the whole process including its start (median of ${RUNS}); load average ${load()}:`);
  log(`  conversion of 14 files of 5.10 in 4 patches, memcg-review check: ${show(conv)} (target: 0.25 s wall)`);
  log(`  the same, node dist/cli/main.js check:                          ${show(convNode)}`);
  log(`  the same with --tree 5.10 (whole post-images reviewed):          ${show(convTree)}`);
  log(`  demo series (fixtures/demo/series.mbox, 4 mails), --tree:        ${show(demo)}`);
  log(`  node -e 0 (process start alone):                                 ${show(node)}`);
  log(`  node -e 0 without NODE_EXTRA_CA_CERTS:                           ${show(nodeNoCerts)}${extraCerts === undefined ? ' (the variable is not set here)' : ` (set here to ${extraCerts})`}`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
