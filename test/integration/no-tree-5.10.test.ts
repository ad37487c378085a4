/**
 * Pre-submit review without a tree, on real code: memcg-review's own conversion of real 5.10
 * files, reversed (re-adding every open-coded access, as the upstream v5.11 patches "use helpers
 * to read page's memcg data", "use helpers to access slab page's memcg_data" and "convert page
 * kmemcg type to a page memcg flag" did in the other direction), written by git with its function
 * headings. Checked with no tree, every re-added access on a code line is found, with the fixes a
 * review with the tree offers; --diff prints hunks on lines the patch shows only, and they apply
 * with `patch -F0` to the files the patch leaves (the real 5.10 files).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fixFile } from '../../src/pipeline/fix-file.js';
import { run } from '../../src/cli/run.js';
import { createReviewer, type Reviewer } from '../../src/review/reviewer.js';
import { parseChecked } from '../../src/pipeline/parse-check.js';
import { reviewPatches } from '../../src/review/review-patches.js';
import { DEFAULT_OPTIONS, type Finding } from '../../src/types.js';
import { fetchLinuxSource } from '../helpers/linux-source.js';
import { memoryIo } from '../helpers/memory-io.js';
import { tempDir } from '../helpers/tree.js';

const FILES = [
  'mm/memcontrol.c', 'mm/slab.h', 'mm/page_alloc.c', 'mm/debug.c', 'mm/huge_memory.c', 'mm/page_io.c',
  'include/linux/memcontrol.h', 'include/trace/events/writeback.h',
];
const OPEN_CODED = /(->|\.)(mem_cgroup|obj_cgroups)\b|\b(PageKmemcg|__SetPageKmemcg|__ClearPageKmemcg)\(|\(unsigned long\)\s*\w+(->obj_cgroups)?\s*&\s*~?0x1UL/;
const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });

let reviewer: Reviewer;
let work: string;
let patch: string;
const converted = new Map<string, string>();
const original = new Map<string, string>();

beforeAll(async () => {
  const tree = fetchLinuxSource('5.10');
  reviewer = parseChecked(await createReviewer(DEFAULT_OPTIONS));
  work = tempDir('memcg-no-tree-');
  // The converted files committed, then the real 5.10 files over them: `git diff` is the reversal.
  for (const file of FILES) {
    const text = fs.readFileSync(path.join(tree, file), 'utf8');
    original.set(file, text);
    const review = (t: string) => reviewer.review({ path: file, text: t });
    converted.set(file, fixFile(text, review(text), review).text);
    fs.mkdirSync(path.dirname(path.join(work, 'repo', file)), { recursive: true });
    fs.writeFileSync(path.join(work, 'repo', file), converted.get(file)!);
  }
  git(path.join(work, 'repo'), 'init', '-q');
  git(path.join(work, 'repo'), 'add', '-A');
  git(path.join(work, 'repo'), 'commit', '-qm', 'converted');
  for (const file of FILES) fs.copyFileSync(path.join(tree, file), path.join(work, 'repo', file));
  patch = git(path.join(work, 'repo'), 'diff');
}, 300_000);
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function review(withTree: boolean): Finding[] {
  const base = withTree ? (p: string) => converted.get(p) ?? null : undefined;
  const { result } = reviewPatches(reviewer, [{ source: 'reversed.patch', text: patch }], { target: 'v5.11' }, base);
  expect(result.errors).toEqual([]);
  return result.findings;
}

/** Added code lines that open the word by hand, as file:line (`[n] file:line` in a series). */
function openCodedLines(text = patch): string[] {
  const out: string[] = [];
  let file = '';
  let line = 0;
  let mail = '';
  for (const l of text.split('\n')) {
    const subject = /^Subject: \[PATCH (\d+)\//.exec(l);
    if (subject) mail = `[${subject[1]}] `;
    if (l.startsWith('+++ b/')) file = mail + l.slice(6);
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)/.exec(l);
    if (hunk) line = Number(hunk[1]);
    else if (l.startsWith('+') && !l.startsWith('+++')) {
      const code = l.slice(1).trim();
      if (!/^(\/\*|\*|\/\/)/.test(code) && OPEN_CODED.test(code)) out.push(`${file}:${line}`);
      line++;
    } else if (l.startsWith(' ')) line++;
  }
  return out;
}

/**
 * The verdict a fix would have with the receiver's declaration in view: without a tree a receiver
 * typed only by its name (`page`) makes a proven fix assumed, and the explanation says so.
 */
function verdictWithTree(f: Finding): string {
  const guessed = f.fix!.verdict === 'assumed' && f.fix!.explanation.endsWith('as its name suggests (its declaration is not in view)');
  return guessed ? 'proven' : f.fix!.verdict;
}

test('without a tree, every re-added open-coded access on a code line is found, in mm/memcontrol.c and mm/slab.h as elsewhere', () => {
  const findings = review(false);
  const lines = openCodedLines();
  expect(lines.filter((l) => l.startsWith('mm/memcontrol.c:')).length).toBeGreaterThan(30);
  expect(lines.filter((l) => l.startsWith('mm/slab.h:')).length).toBeGreaterThanOrEqual(3);
  const missed = lines.filter((l) => {
    const [file, n] = [l.slice(0, l.lastIndexOf(':')), Number(l.slice(l.lastIndexOf(':') + 1))];
    return !findings.some((f) => f.file === file && f.line <= n && n <= f.endLine && f.severity !== 'info');
  });
  expect(missed).toEqual([]);
});

test('without a tree, the fixes are those of a review with the tree, but where the page comes from lines the patch does not show', () => {
  const key = (f: Finding) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.fix ? `${f.fix.edits.map((e) => e.text).join('|')} ${verdictWithTree(f)}` : '-'}`;
  const without = review(false).map(key);
  const withTree = review(true).map(key);
  expect(without.length).toBe(withTree.length);
  const differ = without.filter((k) => !withTree.includes(k));
  // mem_cgroup_from_obj(): `page = virt_to_head_page(p)` is above the hunk, so without the tree
  // the page may be any page: the raw word's truth value, where the tree says page_memcg_check().
  expect(differ.map((k) => k.replace(/:\d+:\d+/, ''))).toEqual(['mm/memcontrol.c memcg-field-read memcg_data proven']);
});

test('check --diff without a tree: hunks stand on lines the patch shows, and apply with patch -F0 to the files it leaves', async () => {
  fs.writeFileSync(path.join(work, 'reversed.patch'), patch);
  const io = memoryIo(work);
  // All the fixes fixFile() made above, the assumed ones too (plain --diff holds those back).
  await run(['check', '--diff=assumed', 'reversed.patch'], io, { createReviewer: async () => reviewer });
  const diff = io.out.join('');
  expect(diff.split('\n')[0]).toBe('memcg-review: diff made without a tree (--tree): hunks stand only on lines the patch shows');
  // Lines the patch shows of the file it leaves: context and added lines, per file.
  const shown = new Map<string, Set<string>>();
  let file = '';
  for (const l of patch.split('\n')) {
    if (l.startsWith('+++ b/')) shown.set((file = l.slice(6)), new Set());
    else if ((l.startsWith(' ') || l.startsWith('+')) && !l.startsWith('+++')) shown.get(file)!.add(l.slice(1));
  }
  const unseen: string[] = [];
  let hunks = 0;
  for (const l of diff.split('\n')) {
    if (l.startsWith('+++ b/')) file = l.slice(6);
    if (l.startsWith('@@')) hunks++;
    if ((l.startsWith(' ') || l.startsWith('-')) && !l.startsWith('---') && !shown.get(file)!.has(l.slice(1))) unseen.push(`${file}: ${l}`);
  }
  expect(hunks).toBeGreaterThan(40);
  expect(unseen).toEqual([]);
  // The files the patch leaves are the real 5.10 files, in the repository's work tree.
  fs.writeFileSync(path.join(work, 'fixes.diff'), diff);
  execFileSync('patch', ['-p1', '-F0', '--batch', '-i', path.join(work, 'fixes.diff')], { cwd: path.join(work, 'repo'), encoding: 'utf8' });
  // And they are then the converted files, but for the one fix above.
  const changed = FILES.filter((f) => fs.readFileSync(path.join(work, 'repo', f), 'utf8') !== converted.get(f));
  expect(changed).toEqual(['mm/memcontrol.c']);
}, 120_000);

/**
 * The same conversion cut as the upstream series was (patch 1: the reads, patch 2: the slab
 * page's obj_cgroups and the tag trick, patch 4: PageKmemcg and the rest), reversed as a
 * format-patch series of three mails: later patches build on the lines earlier ones left.
 */
describe('as a series of three reverted patches', () => {
  const STAGES: (string[] | null)[] = [['memcg-field-read'], ['obj-cgroups-access', 'tag-trick'], null];
  let mbox: string;
  let repo: string;
  let last: Map<string, string>;

  beforeAll(() => {
    const states = [new Map(original)];
    for (const rules of STAGES) {
      const prev = states[states.length - 1]!;
      states.push(new Map(FILES.map((f) => {
        const review = (t: string) => reviewer.review({ path: f, text: t }).filter((x) => rules === null || rules.includes(x.ruleId));
        return [f, fixFile(prev.get(f)!, review(prev.get(f)!), review).text];
      })));
    }
    repo = path.join(work, 'series');
    const write = (s: Map<string, string>) => s.forEach((t, f) => {
      fs.mkdirSync(path.dirname(path.join(repo, f)), { recursive: true });
      fs.writeFileSync(path.join(repo, f), t);
    });
    fs.mkdirSync(repo);
    git(repo, 'init', '-q');
    write(states[3]!);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'converted');
    for (let k = 2; k >= 0; k--) {
      write(states[k]!);
      git(repo, 'commit', '-qam', `Revert stage ${k + 1}`);
    }
    mbox = git(repo, 'format-patch', '--stdout', 'HEAD~3');
    last = states[0]!;
  }, 300_000);

  test('without a tree, every re-added access of every patch is found, with the fixes of a review with the tree but one', () => {
    const run = (base?: (p: string) => string | null) => reviewPatches(reviewer, [{ source: 'series.mbox', text: mbox }], { target: 'v5.11' }, base).result;
    const without = run();
    expect(without.errors).toEqual([]);
    expect(without.patches!.length).toBe(3);
    const start = new Map(FILES.map((f) => [f, git(repo, 'show', `HEAD~3:${f}`)]));
    const withTree = run((p) => start.get(p) ?? null);
    const key = (f: Finding) => `${f.patch!.index} ${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.fix ? `${f.fix.edits.map((e) => e.text).join('|')} ${verdictWithTree(f)}` : '-'}`;
    const a = without.findings.map(key);
    const b = withTree.findings.map(key);
    expect(a.length).toBe(b.length);
    expect(a.filter((k) => !b.includes(k)).map((k) => k.replace(/:\d+:\d+/, ''))).toEqual(['3 mm/memcontrol.c memcg-field-read memcg_data proven']);
    const lines = openCodedLines(mbox);
    expect(new Set(lines.map((l) => l.slice(0, 4)))).toEqual(new Set(['[1] ', '[2] ', '[3] ']));
    const missed = lines.filter((l) => {
      const [, n, file, line] = /^\[(\d+)\] (.*):(\d+)$/.exec(l)!;
      return !without.findings.some((f) => f.patch!.index === Number(n) && f.file === file && f.line <= Number(line) && Number(line) <= f.endLine && f.severity !== 'info');
    });
    expect(missed).toEqual([]);
  });

  test('check --diff without a tree: seen lines only, and it applies with patch -F0 to the files the series leaves', async () => {
    fs.writeFileSync(path.join(work, 'series.mbox'), mbox);
    const io = memoryIo(work);
    await run(['check', '--diff=assumed', 'series.mbox'], io, { createReviewer: async () => reviewer });
    const diff = io.out.join('');
    expect(diff.split('\n')[0]).toBe('memcg-review: diff made without a tree (--tree): hunks stand only on lines the patch shows');
    expect(diff).toMatch(/^diff --git /m);
    const shown = new Set(mbox.split('\n').filter((l) => /^[ +](?!\+\+)/.test(l)).map((l) => l.slice(1)));
    const unseen = diff.split('\n').filter((l) => /^[ -](?!--)/.test(l) && !shown.has(l.slice(1)));
    expect(unseen).toEqual([]);
    fs.writeFileSync(path.join(work, 'series-fixes.diff'), diff);
    for (const f of FILES) expect(fs.readFileSync(path.join(repo, f), 'utf8')).toBe(last.get(f));
    execFileSync('patch', ['-p1', '-F0', '--batch', '-i', path.join(work, 'series-fixes.diff')], { cwd: repo, encoding: 'utf8' });
  }, 120_000);
});
