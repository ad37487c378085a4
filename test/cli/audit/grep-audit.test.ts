/**
 * The grep path of the audit's prefilter against the JavaScript one, on a tree with the cases
 * where they could part: a dot folder, symbolic links, NUL bytes, a FIFO, a non-C file, names
 * with spaces and newlines, a token split by a line break; and its fallbacks.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathFilter } from '../../../src/audit/path-filter.js';
import { MAX_READ_BYTES } from '../../../src/cli/audit/read-bytes.js';
import { walkTree } from '../../../src/cli/audit/walk-tree.js';
import { grepCandidates, jsCandidates } from '../../helpers/prefilter-candidates.js';
import { tempDir } from '../../helpers/tree.js';
import { AUDIT_TREE } from './audit-fixture.js';

let tree: string;
beforeAll(() => {
  tree = tempDir('memcg-grep-audit-');
  fs.cpSync(AUDIT_TREE, tree, { recursive: true });
  const write = (rel: string, text: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(tree, rel)), { recursive: true });
    fs.writeFileSync(path.join(tree, rel), text);
  };
  write('.git/hidden.c', 'struct page *p; void f(void) { p->mem_cgroup = 0; }\n');
  write('lib/.dot-file.c', 'int x = PageKmemcg(page);\n');
  write('lib/nul.c', Buffer.concat([Buffer.from('int a;\0\0\xff\xfe '), Buffer.from('page->obj_cgroups\n')]));
  write('lib/split.c', 'page->mem_\ncgroup\n');
  write('lib/upper.C', 'page->mem_cgroup\n');
  write('lib/notes.txt', 'page->mem_cgroup\n');
  write('lib/with space.h', '#define X(p) ((p)->memcg_data)\n');
  write('lib/new\nline.c', 'folio_memcg(folio);\n');
  write('lib/plain.c', 'int plain(void) { return 0; }\n');
  fs.symlinkSync('../lib/nul.c', path.join(tree, 'lib/link.c'));
  fs.symlinkSync('../lib', path.join(tree, 'lib/loop'));
  execFileSync('mkfifo', [path.join(tree, 'lib/fifo.c')]);
});
afterAll(() => fs.rmSync(tree, { recursive: true, force: true }));

test('grep pushes exactly the files the JavaScript prefilter lets through, and counts the rest', async () => {
  const all = pathFilter([], []);
  const js = jsCandidates(tree, all);
  expect(js).toEqual(expect.arrayContaining(['lib/.dot-file.c', 'lib/nul.c', 'lib/with space.h', 'lib/new\nline.c']));
  expect(js).not.toContain('.git/hidden.c');
  const g = await grepCandidates(tree, all);
  expect(g.pushed).toEqual(js);
  const walked = [...walkTree(tree, all, { symlinks: 0, unreadable: [] })];
  expect(g.skipped).toBe(walked.length - js.length);
  const skippedBytes = walked.filter((f) => !js.includes(f)).reduce((n, f) => n + fs.lstatSync(path.join(tree, f)).size, 0);
  expect(g.bytes).toBe(skippedBytes);
  expect(g.walked).toEqual({ symlinks: 2, unreadable: [] });
});

test('the lean listing (nothing narrows the audit) and the full one give the same files and counts', async () => {
  const lean = pathFilter([], []);
  // Narrows nothing, but is a filter: find lists every file in full and the filter is applied here.
  const full = pathFilter(['*.c', '*.h'], []);
  expect([lean.everything, full.everything]).toEqual([true, false]);
  expect(await grepCandidates(tree, lean)).toEqual(await grepCandidates(tree, full));
});

test('the lean listing still queues a file too large to read and a name that is not UTF-8, once each', async () => {
  const odd = tempDir('memcg-grep-lean-');
  try {
    fs.mkdirSync(path.join(odd, 'lib'));
    fs.writeFileSync(Buffer.concat([Buffer.from(path.join(odd, 'lib/bad')), Buffer.from([0xff]), Buffer.from('.c')]), 'int x;\n');
    fs.writeFileSync(Buffer.concat([Buffer.from(path.join(odd, 'lib/named')), Buffer.from([0xfe]), Buffer.from('.c')]), 'page->mem_cgroup;\n');
    fs.writeFileSync(path.join(odd, 'lib/plain.c'), 'int plain;\n');
    // Sparse: larger than MAX_READ_BYTES on disk's word, nothing written.
    fs.truncateSync((fs.writeFileSync(path.join(odd, 'lib/huge.h'), ''), path.join(odd, 'lib/huge.h')), MAX_READ_BYTES + 1);
    const lean = await grepCandidates(odd, pathFilter([], []));
    expect(lean.pushed).toEqual(['lib/bad\uFFFD.c', 'lib/huge.h', 'lib/named\uFFFD.c']);
    expect({ skipped: lean.skipped, bytes: lean.bytes }).toEqual({ skipped: 1, bytes: 'int plain;\n'.length });
    expect(lean).toEqual(await grepCandidates(odd, pathFilter(['*.c', '*.h'], [])));
  } finally {
    fs.rmSync(odd, { recursive: true, force: true });
  }
});

test('--include and --exclude narrow the grep path as they narrow the walk', async () => {
  const filter = pathFilter(['*.c'], ['lib/**']);
  const g = await grepCandidates(tree, filter);
  expect(g.pushed).toEqual(jsCandidates(tree, filter));
  expect(g.pushed.some((p) => p.startsWith('lib/'))).toBe(false);
});

test('a missing grep or find, one that meets trouble, or a folder met twice answers a fallback', async () => {
  const all = pathFilter([], []);
  const missing = await grepCandidates(tree, all, { grep: '/nonexistent/grep' });
  expect(missing.walked).toEqual({ fallback: expect.stringContaining('/nonexistent/grep could not be started') });
  expect((await grepCandidates(tree, all, { find: '/nonexistent/find' })).walked).toEqual({ fallback: expect.stringContaining('/nonexistent/find could not be started') });
  const bin = tempDir('memcg-grep-fail-');
  const script = (name: string, body: string) => {
    fs.writeFileSync(path.join(bin, name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
    return path.join(bin, name);
  };
  const grep = script('grep', 'echo "grep: ./x.c: Permission denied" >&2; exit 2');
  expect((await grepCandidates(tree, all, { grep })).walked).toEqual({ fallback: `${grep} exited with status 2: grep: ./x.c: Permission denied` });
  const find = script('find', "echo \"find: './y': Permission denied\" >&2; exit 1");
  expect((await grepCandidates(tree, all, { find })).walked).toEqual({ fallback: `${find} exited with status 1: find: './y': Permission denied` });
  const twice = script('find-twice', "printf 'd1:2 .\\0d1:3 ./a\\0d1:3 ./b\\0'");
  expect((await grepCandidates(tree, all, { find: twice })).walked).toEqual({ fallback: 'folder met twice: b' });
  const odd = script('find-odd', "printf 'zzz\\0'");
  expect((await grepCandidates(tree, all, { find: odd })).walked).toEqual({ fallback: 'find printed an entry it was not asked for: "zzz"' });
});
