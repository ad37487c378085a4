#!/usr/bin/env node
/**
 * npm run fuzz [-- --duration SECONDS] [--seed N] [--out DIR]: a mutation fuzzer for the patch
 * parser, the full and hunk-built post-images, the reviewer and --fix/--diff (dist/, built first).
 *
 * Seeds: every patch, diff and mbox under fixtures/, and patches made at start from the C files
 * under fixtures/ (a legacy access re-added in a hunk of a kernel-like file, with git-style
 * function headings). Each execution takes a seed, applies 1-8 line or byte mutations (lines
 * dropped, duplicated, moved, spliced from another seed; markers and hunk numbers changed; braces,
 * #if halves, comments, CR, NUL and long lines inserted; the text cut) and checks:
 *   - nothing throws, and no review reports an error (a reviewer failure), with and without a base;
 *   - no execution spends more than --hang-ms of CPU (default 30 s): a hang;
 *   - every diff --diff would print applies, with no fuzz, to the post-image it came from, and
 *     its context and removed lines are lines that image's input showed;
 *   - a fixed patch re-parses without new notes, and its post-images parse with no more syntax
 *     errors than before the fix; a fixed C file too.
 * Findings are written to DIR (default test-artifacts/fuzz) as input files with a note, and the
 * run exits 1. Prints the count of executions. Reproduce one with --seed and --replay N.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const k = args.indexOf(`--${name}`);
  return k === -1 ? fallback : args[k + 1];
};
const DURATION = Number(opt('duration', '60'));
const SEED = Number(opt('seed', String(Date.now() % 1_000_000)));
const HANG_MS = Number(opt('hang-ms', '30000'));
const REPLAY = opt('replay', null);
const LINUX = opt('linux', null);
if (!Number.isFinite(DURATION) || DURATION <= 0 || !Number.isInteger(SEED) || !Number.isFinite(HANG_MS)) {
  console.error('usage: npm run fuzz [-- --duration SECONDS] [--seed N] [--out DIR] [--replay N] [--hang-ms MS] [--linux TREE]');
  process.exit(2);
}

/** CPU time of the process (this thread idles, so it is the worker's), in ms: a loaded machine does not make a hang. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const START = Number(opt('start', '0'));
const UNTIL = Number(opt('until', '0'));

// The loop runs in a worker; this thread stops it when one execution spends more than twice
// --hang-ms of CPU (a review stuck in a loop never returns to measure itself), names the
// execution to replay, and starts a new worker after it until the time is up.
if (isMainThread && REPLAY === null) {
  const until = Date.now() + DURATION * 1000;
  const totals = { executions: 0, failures: 0, hangs: 0, slowest: 0, reached: { findings: 0, fixed: 0, diffs: 0, sparseDiffs: 0 } };
  let fuzzerFailed = false;
  const spawn = (from) => {
    const worker = new Worker(fileURLToPath(import.meta.url), { argv: [...args, '--seed', String(SEED), '--start', String(from), '--until', String(until)] });
    let current = null;
    let started = 0;
    let hung = false;
    // The worker's counts so far, sent before each execution (and once at its end).
    let last = { executions: 0, failures: 0, slowest: 0, reached: { findings: 0, fixed: 0, diffs: 0, sparseDiffs: 0 } };
    worker.on('message', (m) => {
      if (m.log !== undefined) return console.log(m.log);
      last = m.stats;
      current = m.k ?? null;
      started = cpuMs();
    });
    const timer = setInterval(() => {
      if (current !== null && cpuMs() - started > 2 * HANG_MS) {
        console.log(`FOUND (execution ${current}): a hang: over ${2 * HANG_MS} ms of CPU without an answer; replay: npm run fuzz -- --seed ${SEED} --replay ${current}`);
        hung = true;
        totals.hangs++;
        last.executions++;
        void worker.terminate();
      }
    }, 1000);
    worker.on('error', (e) => {
      console.error(`memcg-review fuzz: the fuzzer itself failed: ${e?.stack ?? e}`);
      fuzzerFailed = true;
    });
    worker.on('exit', () => {
      clearInterval(timer);
      totals.executions += last.executions;
      totals.failures += last.failures;
      totals.slowest = Math.max(totals.slowest, last.slowest);
      for (const key of Object.keys(totals.reached)) totals.reached[key] += last.reached[key];
      if (hung && Date.now() < until) return spawn(current + 1);
      const r = totals.reached;
      console.log(`memcg-review fuzz: seed ${SEED}: ${totals.executions} executions in ${DURATION} s, ${totals.failures + totals.hangs} distinct failures (${totals.hangs} hangs), slowest execution ${totals.slowest} ms of CPU`);
      console.log(`reached: reviews with findings ${r.findings}, fixed patches ${r.fixed}, diffs checked ${r.diffs} (${r.sparseDiffs} with hunk-built images)`);
      // A run whose inputs never reach the properties checks nothing: that is a failure of the fuzzer.
      const n = totals.executions;
      const starved = n >= 200 && (r.findings < n / 20 || r.diffs < n / 50 || r.sparseDiffs < n / 100);
      if (starved) console.log('the mutated inputs reached the properties too rarely: the seeds or mutations are broken');
      process.exitCode = fuzzerFailed ? 3 : totals.failures + totals.hangs > 0 || starved ? 1 : 0;
    });
  };
  spawn(0);
} else {
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const D = path.join(ROOT, 'dist');
const imp = (p) => import(path.join(D, p));
const { parseSeries } = await imp('patch/parse-series.js');
const { buildPostImages } = await imp('patch/post-image.js');
const { applyFilePatch } = await imp('patch/apply-patch.js');
const { createReviewer } = await imp('review/reviewer.js');
const { reviewAndFix } = await imp('pipeline/review-and-fix.js');
const { fixDiff } = await imp('cli/check/fix-diff.js');
const { fixFile } = await imp('pipeline/fix-file.js');
const { parseChecked } = await imp('pipeline/parse-check.js');
const { loadCParser } = await imp('c/parser.js');
const { countSyntaxErrors } = await imp('c/source-analysis.js');
const { islandsOf } = await imp('review/review-islands.js');
const { DEFAULT_OPTIONS } = await imp('types.js');

const OUT = path.resolve(opt('out', path.join(ROOT, 'test-artifacts/fuzz')));

/** mulberry32: a small seeded generator, so a run is reproduced by its seed. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- seeds -------------------------------------------------------------------------------------

function walk(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}
const files = walk(path.join(ROOT, 'fixtures'));
/** The fixtures' trees, for full post-images of the fixture patches: a path is read from the first tree that has it. */
const TREES = ['fixtures/cli/tree', 'fixtures/patch/base', 'fixtures/demo/tree', 'fixtures/audit/tree'].map((t) => path.join(ROOT, t));
const treeBase = {};
for (const t of TREES) for (const f of walk(t)) treeBase[path.relative(t, f)] ??= fs.readFileSync(f, 'utf8');
const seeds = files.filter((f) => /\.(patch|diff|mbox)$/.test(f)).map((f) => fs.readFileSync(f, 'utf8'));
const cFiles = files.filter((f) => /\.[ch]$/.test(f)).map((f) => ({ path: path.relative(ROOT, f), text: fs.readFileSync(f, 'utf8') }));

const LEGACY = ['page->mem_cgroup', 'head->mem_cgroup', 'page->obj_cgroups', 'PageKmemcg(page)', 'compound_head(page)->mem_cgroup'];
const HELPER = /\b(page_memcg(_check|_rcu)?|page_objcgs(_check)?|PageMemcgKmem|folio_memcg)\(([^()]*)\)/;

/** A git-style patch on a C fixture: one or a few lines get a legacy access, with 3 lines of context and a heading. */
function madePatch(file, r, spread = 40) {
  const lines = file.text.split('\n');
  if (lines.length < 8) return null;
  const hunks = [];
  let at = 3 + Math.floor(r() * 10);
  while (at < lines.length - 4 && hunks.length < 6) {
    const old = lines[at];
    const m = HELPER.exec(old);
    const neu = m ? old.replace(HELPER, (_, _h, _a, _b, arg) => `${arg || 'page'}->mem_cgroup`) : `${old.match(/^\s*/)[0]}x = ${LEGACY[Math.floor(r() * LEGACY.length)]};`;
    let heading = '';
    for (let k = at - 4; k >= 0; k--) if (/^[A-Za-z_$]/.test(lines[k])) { heading = lines[k]; break; }
    const before = lines.slice(at - 3, at);
    const after = lines.slice(at + 1, at + 4);
    const replace = m !== null || r() < 0.5;
    const body = [...before.map((l) => ` ${l}`), ...(replace ? [`-${old}`] : [` ${old}`]), `+${neu}`, ...after.map((l) => ` ${l}`)];
    hunks.push({ at, replace, heading, body });
    at += 8 + Math.floor(r() * spread * (1 + (file.text.length > 100_000 ? 100 : 0) * r()));
  }
  let shift = 0;
  let text = `diff --git a/${file.path} b/${file.path}\n--- a/${file.path}\n+++ b/${file.path}\n`;
  for (const h of hunks) {
    const oldCount = 7;
    const newCount = h.replace ? 7 : 8;
    text += `@@ -${h.at - 2},${oldCount} +${h.at - 2 + shift},${newCount} @@${h.heading ? ` ${h.heading}` : ''}\n${h.body.join('\n')}\n`;
    shift += newCount - oldCount;
  }
  return { text, base: { [file.path]: file.text } };
}

// ---- mutations ---------------------------------------------------------------------------------

const JUNK = ['}', '{', '\t}', '\t\t{', '#if 0', '#ifdef CONFIG_MEMCG', '#else', '#endif', '/*', ' */', '\tif (page->mem_cgroup) {', '"', "'", '(', ')', '\\', '#define X(p) (p)->mem_cgroup \\', 'again:', '\tmemcg = page->mem_cgroup;', '\tpage->mem_cgroup = NULL;', '\tif (PageKmemcg(page))', '\t__SetPageKmemcg(page);', 'struct page *page;'];
const HEADER_JUNK = ['@@ -1 +1 @@', '@@ -0,0 +1,3 @@', '@@ -99999999,2 +1,2 @@', '@@ -5,3 +5,2 @@ x', '--- a/mm/x.c', '+++ b/mm/x.c', 'diff --git a/mm/x.c b/mm/x.c', '\\ No newline at end of file', 'From 1 Mon Sep 17 00:00:00 2001', 'Subject: [PATCH 2/3] mm: x', 'rename from mm/x.c', 'Binary files a/x and b/x differ'];

function mutate(text, r, other) {
  let lines = text.split('\n');
  const pick = (a) => a[Math.floor(r() * a.length)];
  const at = () => Math.floor(r() * (lines.length + 1));
  const n = 1 + Math.floor(r() * 8);
  for (let k = 0; k < n; k++) {
    const m = Math.floor(r() * 16);
    const i = at();
    switch (m) {
      case 0: lines.splice(i, 1); break;
      case 1: if (lines[i] !== undefined) lines.splice(i, 0, lines[i]); break;
      case 2: { const j = at(); const [l] = lines.splice(i, 1); if (l !== undefined) lines.splice(j, 0, l); break; }
      case 3: lines.splice(i, 0, ` ${pick(JUNK)}`); break;
      case 4: lines.splice(i, 0, `+${pick(JUNK)}`); break;
      case 5: lines.splice(i, 0, `-${pick(JUNK)}`); break;
      case 6: if (lines[i]) lines[i] = pick([' ', '+', '-', '']) + lines[i].slice(1); break;
      case 7: if (lines[i]?.startsWith('@@')) lines[i] = lines[i].replace(/\d+/g, (d) => String(Math.max(0, Number(d) + Math.floor(r() * 7) - 3))); break;
      case 8: lines.splice(i, 0, pick(HEADER_JUNK)); break;
      case 9: { const o = other.split('\n'); const s = Math.floor(r() * o.length); lines.splice(i, 0, ...o.slice(s, s + 1 + Math.floor(r() * 30))); break; }
      case 10: if (lines[i] !== undefined) lines[i] += pick(['\r', '\0', ' {', ' }', ' /*', '\t'.repeat(20), 'x'.repeat(5000), ' \\']); break;
      case 11: lines = lines.slice(0, i); break;
      case 12: { const s = lines.findIndex((l, k) => k >= i && l.startsWith('@@')); if (s !== -1) { let e = s + 1; while (e < lines.length && /^[ +-\\]/.test(lines[e])) e++; lines.splice(e, 0, ...lines.slice(s, e)); } break; }
      case 13: if (lines[i] !== undefined && lines[i].length > 1) { const c = Math.floor(r() * lines[i].length); lines[i] = lines[i].slice(0, c) + lines[i].slice(c + 1); } break;
      case 14: if (lines[i]?.startsWith('@@')) lines[i] = lines[i].replace(/@@(.*)@@.*/, (_, h) => `@@${h}@@ ${pick(['again:', 'static void f(struct page *page,', 'TRACE_EVENT(x,', 'struct foo {', 'int g(void (*cb)(int))', ''])}`); break;
      default: if (lines[i] !== undefined) lines[i] = lines[i].replace(/page_memcg\(page\)|page_memcg_check\(page\)/, 'page->mem_cgroup'); break;
    }
  }
  return lines.join('\n');
}

// ---- properties --------------------------------------------------------------------------------

/** How often the properties had something to check: a property nothing reaches proves nothing. */
const reached = { findings: 0, fixed: 0, diffs: 0, sparseDiffs: 0 };

class Failure extends Error {}
const fail = (what) => {
  throw new Failure(what);
};

let parser;
function syntaxErrors(text) {
  const tree = parser.parse(text);
  try {
    return countSyntaxErrors(tree.rootNode);
  } finally {
    tree.delete();
  }
}

/** The post-images' syntax errors per file path, counted the way the review parses them. */
function imageErrors(review) {
  const out = new Map();
  for (const images of review.patches?.perPatch ?? []) {
    for (const image of images) {
      if (!/\.[ch]$/.test(image.path)) continue;
      const texts = image.complete ? [image.text] : [...islandsOf(image)].map((i) => i.file.text);
      out.set(image.path, (out.get(image.path) ?? 0) + texts.reduce((s, t) => s + syntaxErrors(t), 0));
    }
  }
  return out;
}

function lastImages(review) {
  const last = new Map();
  for (const images of review.patches?.perPatch ?? []) for (const image of images) last.set(image.path, image);
  return last;
}

function checkDiff(diff, before) {
  if (diff === '') return;
  reached.diffs++;
  const last = lastImages(before);
  if ([...last.values()].some((i) => !i.complete)) reached.sparseDiffs++;
  const parsed = parseSeries([{ source: 'fix.diff', text: diff }]);
  if (parsed.notes.length > 0) fail(`the diff does not parse back: ${JSON.stringify(parsed.notes)}`);
  for (const file of parsed.series.patches.flatMap((p) => p.files)) {
    const image = last.get(file.newPath);
    if (!image) continue; // a C file given whole
    const applied = applyFilePatch(image.text, file, { fuzz: 0 });
    if (!applied.ok) fail(`the diff of ${file.newPath} does not apply to its post-image with no fuzz: ${applied.reason}`);
    if (!image.complete) {
      const seen = (line) => image.seen.some((r) => r.start <= line && line <= r.end);
      for (const hunk of file.hunks) {
        let line = hunk.oldLines === 0 ? hunk.oldStart + 1 : hunk.oldStart;
        for (const l of hunk.lines) {
          if (l.kind === '+') continue;
          if (!seen(line)) fail(`the diff of ${file.newPath} stands on line ${line}, which the input never showed`);
          line++;
        }
      }
    }
  }
}

function execute(reviewer, input) {
  const inputs = { patches: [{ source: 'fuzz.patch', text: input.text }], sources: [] };
  const bases = [undefined];
  if (input.base) bases.push(() => ({ read: (p) => (Object.hasOwn(input.base, p) ? input.base[p] : null), notes: [] }));
  for (const base of bases) {
    // The pipeline of check --fix=assumed / --diff=assumed: review, fix, re-review.
    const { before, fix, after } = reviewAndFix(reviewer, inputs, 'v5.11', { ...(base ? { base } : {}), fix: true, level: 'assumed' });
    if (before.result.errors.length > 0) fail(`review failed: ${before.result.errors.join('; ')}`);
    if (before.result.findings.length > 0) reached.findings++;
    if (after.result.errors.length > 0) fail(`review of the fixed patch failed: ${after.result.errors.join('; ')}`);
    if (fix.changed.size > 0) {
      reached.fixed++;
      const reparsed = parseSeries(fix.inputs.patches);
      const was = parseSeries(inputs.patches);
      if (reparsed.notes.length > was.notes.length) fail(`the fixed patch has new parse notes: ${JSON.stringify(reparsed.notes.slice(was.notes.length))}`);
      const errorsBefore = imageErrors(before);
      for (const [file, n] of imageErrors(after)) {
        if (n > (errorsBefore.get(file) ?? 0)) fail(`the fixed patch's post-image of ${file} has ${n} syntax errors, ${errorsBefore.get(file) ?? 0} before`);
      }
    }
    checkDiff(fixDiff(before, after, inputs, fix.inputs, fix.notAdded, fix.applied).diff, before);
  }
}

function executeC(reviewer, file) {
  // The pipeline's review of one file: fixes that would break the parse withdrawn.
  const checked = parseChecked(reviewer);
  const review = (t) => checked.review({ path: file.path, text: t });
  const fixed = fixFile(file.text, review(file.text), review);
  if (syntaxErrors(fixed.text) > syntaxErrors(file.text)) fail(`the fixed C file has new syntax errors`);
}

// ---- the loop ----------------------------------------------------------------------------------

const reviewer = await createReviewer(DEFAULT_OPTIONS);
parser = await loadCParser();
const made = [];
{
  const r = rng(SEED ^ 0x5eed);
  for (const f of cFiles) for (let k = 0; k < 3; k++) { const p = madePatch(f, r); if (p) made.push(p); }
}
if (LINUX !== null) {
  // Real-looking patches on real files of a kernel tree read at run time (--linux), never copied.
  const r = rng(SEED ^ 0x11ee);
  for (const rel of ['mm/memcontrol.c', 'mm/slab.h', 'mm/page_alloc.c', 'mm/huge_memory.c', 'mm/debug.c', 'include/linux/memcontrol.h']) {
    const p = path.join(LINUX, rel);
    if (!fs.existsSync(p)) continue;
    const file = { path: rel, text: fs.readFileSync(p, 'utf8') };
    for (let k = 0; k < 4; k++) { const m = madePatch(file, r, 60); if (m) made.push(m); }
  }
}
const corpus = [...seeds.map((text) => ({ text, base: treeBase })), ...made];
/** A worker's stdout is flushed by its event loop, which the fuzzing loop never yields to: lines go to the main thread. */
const say = (line) => (parentPort ? parentPort.postMessage({ log: line }) : console.log(line));
say(`memcg-review fuzz: seed ${SEED}, ${corpus.length} seeds (${seeds.length} fixture patches, ${made.length} made from C files), ${DURATION} s`);

const found = [];
let slowest = 0;
const one = (k, inputOnly = false) => {
  const r = rng(SEED * 1_000_003 + k);
  const seed = corpus[Math.floor(r() * corpus.length)];
  const other = corpus[Math.floor(r() * corpus.length)].text;
  const asC = r() < 0.1 && cFiles.length > 0;
  const input = asC ? { c: { ...cFiles[Math.floor(r() * cFiles.length)] } } : { text: mutate(seed.text, r, other), base: seed.base };
  if (asC) input.c.text = mutate(input.c.text, r, other);
  if (inputOnly) return input;
  const t0 = cpuMs();
  try {
    if (asC) executeC(reviewer, input.c);
    else execute(reviewer, input);
  } catch (e) {
    return { k, input, error: e instanceof Failure ? e.message : `threw: ${e?.stack ?? e}` };
  } finally {
    const ms = Math.round(cpuMs() - t0);
    slowest = Math.max(slowest, ms);
    if (ms > HANG_MS) return { k, input, error: `took ${ms} ms of CPU (over --hang-ms ${HANG_MS})` };
  }
  return null;
};

if (REPLAY !== null) {
  // The input is written first: a replayed hang never returns.
  const input = one(Number(REPLAY), true);
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `seed-${SEED}-exec-${REPLAY}.input`);
  fs.writeFileSync(file, input.text ?? input.c.text);
  console.log(`input: ${file}`);
  const res = one(Number(REPLAY));
  console.log(res ? res.error : 'no failure');
  process.exitCode = res ? 1 : 0;
} else {
  const messages = new Set();
  let nextReport = Date.now() + 60_000;
  let k = START;
  for (; Date.now() < UNTIL; k++) {
    parentPort.postMessage({ k, stats: { executions: k - START, failures: found.length, slowest, reached } });
    const res = one(k);
    if (res) {
      const key = res.error.split('\n')[0].replace(/\d+/g, 'N');
      if (!messages.has(key)) {
        messages.add(key);
        found.push(res);
        fs.mkdirSync(OUT, { recursive: true });
        const base = path.join(OUT, `seed-${SEED}-exec-${res.k}`);
        fs.writeFileSync(`${base}.input`, res.input.text ?? res.input.c.text);
        if (res.input.base && res.input.base !== treeBase) fs.writeFileSync(`${base}.base.json`, JSON.stringify(res.input.base));
        fs.writeFileSync(`${base}.txt`, `${res.error}\nreplay: npm run fuzz -- --seed ${SEED} --replay ${res.k}\n`);
        say(`FOUND (execution ${res.k}): ${res.error.split('\n')[0]}`);
      }
    }
    if (Date.now() >= nextReport) {
      nextReport += 60_000;
      say(`${k + 1} executions, ${found.length} distinct failures, slowest ${slowest} ms of CPU`);
    }
  }
  parentPort.postMessage({ stats: { executions: k - START, failures: found.length, slowest, reached } });
}
}
