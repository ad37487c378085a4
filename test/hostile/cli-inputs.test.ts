import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { run } from '../../src/cli/run.js';
import { memoryIo } from '../helpers/memory-io.js';
import { tempDir } from '../helpers/tree.js';
import { bigSeries, C_FILE, gitDiff, manyMacros, nestedParens, singleLine } from './hostile-inputs.js';

/**
 * `memcg-review check` on hostile inputs, with the real reviewer, in process: each gets a clear
 * one-line error (exit 2) or a note, never a stack trace. Timeouts only catch hangs.
 */
const HANG = 120_000;

let work: string;
beforeEach(() => {
  work = tempDir('memcg-hostile-');
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

const write = (name: string, text: string | Buffer) => {
  fs.mkdirSync(path.dirname(path.join(work, name)), { recursive: true });
  fs.writeFileSync(path.join(work, name), text);
  return name;
};

async function check(argv: string[], stdin: string | null = null) {
  const io = memoryIo(work, stdin);
  const code = await run(['check', ...argv], io);
  const result = { code, out: io.out.join(''), err: io.err.join('') };
  expect(result.err).not.toMatch(/^\s+at /m);
  return result;
}

/** Exit 2 with exactly one line on stderr and nothing on stdout. */
async function refused(argv: string[], stdin: string | null = null) {
  const r = await check(argv, stdin);
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  expect(r.err.split('\n')).toHaveLength(2);
  return r.err.trimEnd();
}

const notes = (out: string) => (JSON.parse(out) as { notes: { file?: string; message: string }[] }).notes.map((n) => `${n.file ?? ''}: ${n.message}`);

describe('malformed diffs', () => {
  it('a truncated hunk is a note and what it holds is still reviewed', async () => {
    const cut = gitDiff('mm/x.c', ['\tuse(page->mem_cgroup);']).replace('@@ -1,1 +1,2 @@', '@@ -1,5 +1,6 @@');
    const r = await check(['--format', 'json', write('cut.patch', cut)]);
    expect(r.code).toBe(1);
    expect(notes(r.out)).toEqual([expect.stringMatching(/^mm\/x\.c: hunk 1 \(@@ -1,5 \+1,6 @@\) truncated: the input ends inside the hunk/)]);
  });

  it('garbage hunk headers and absurd line numbers are notes, exit 0', async () => {
    const text = 'diff --git a/mm/x.c\n--- \n+++ \n@@ -a +b @@\n+x\n--- a/mm/y.c\n+++ b/mm/y.c\n@@ -99999999999999999999,1 +99999999999999999999,2 @@\n y\n+page->mem_cgroup\n';
    const r = await check(['--format', 'json', write('bad.patch', text)]);
    expect(r.code).toBe(0);
    expect(notes(r.out).length).toBeGreaterThan(0);
  });

  it("a binary file's diff is skipped with a note", async () => {
    const bin = 'diff --git a/fw/x.bin b/fw/x.bin\nindex 1111111..2222222 100644\nGIT binary patch\nliteral 5\nMcmZ?wbaf\n\nliteral 0\nHcmV?d00001\n\n';
    const r = await check(['--format', 'json', write('bin.patch', bin + gitDiff('mm/x.c', ['\tuse(page->mem_cgroup);']))]);
    expect(r.code).toBe(1);
    expect(notes(r.out)).toEqual(['fw/x.bin: binary file skipped']);
  });

  it('a .patch file that is empty says so, exit 0; empty stdin is refused', async () => {
    const r = await check(['--format', 'json', write('empty.patch', '')]);
    expect(r.code).toBe(0);
    expect(notes(r.out)).toEqual([': empty.patch is empty: nothing to review']);
    expect(await refused([], '')).toBe('memcg-review: no input on stdin');
  });

  it('text that is not a patch at all is refused by name', async () => {
    expect(await refused([write('notes.txt', 'hello\n')])).toBe("memcg-review: 'notes.txt' is neither a patch nor a C file");
  });
});

describe('sizes', () => {
  it('an mbox of 300 patches: each reviewed as its own patch', async () => {
    const r = await check(['--format', 'json', write('big.mbox', bigSeries(300))]);
    expect(r.code).toBe(1);
    const findings = (JSON.parse(r.out) as { findings: { patch: { index: number } }[] }).findings;
    expect(new Set(findings.map((f) => f.patch.index)).size).toBe(300);
  }, HANG);

  it('a 10 MB single-line C file is not read past its size: a note, exit 0', async () => {
    const r = await check(['--format', 'json', write('one.c', singleLine(10 * 1024 * 1024))]);
    expect(r.code).toBe(0);
    const size = fs.statSync(path.join(work, 'one.c')).size;
    expect(size).toBeGreaterThan(10_000_000);
    expect(notes(r.out)).toEqual([`one.c: not reviewed: ${size} bytes, over the limit of 1048576 (--max-file-size)`]);
  }, HANG);

  it('a 10 MB single line added by a patch is a note of that file', async () => {
    const r = await check(['--format', 'json', write('one.patch', gitDiff('mm/one.c', [singleLine(10 * 1024 * 1024).trimEnd()]))]);
    expect(r.code).toBe(0);
    expect(notes(r.out)).toEqual([expect.stringMatching(/^mm\/one\.c: not reviewed: \d+ characters, over the limit of 1048576$/)]);
  }, HANG);

  it('a patch over 256 MiB is refused before it is read', async () => {
    write('huge.patch', '');
    fs.truncateSync(path.join(work, 'huge.patch'), 300 * 1024 * 1024); // sparse: no disk, no memory
    expect(await refused(['huge.patch'])).toBe(`memcg-review: 'huge.patch' is ${300 * 1024 * 1024} bytes: a patch over 268435456 bytes is not read`);
  });

  it('--max-file-size and --parse-timeout set the limits', async () => {
    const small = write('mm/small.c', C_FILE);
    const r = await check(['--format', 'json', '--max-file-size', '10', small]);
    expect(r.code).toBe(0);
    expect(notes(r.out)).toEqual([`mm/small.c: not reviewed: ${C_FILE.length} bytes, over the limit of 10 (--max-file-size)`]);
    const patch = write('small.patch', gitDiff('mm/x.c', ['\tuse(page->mem_cgroup);']));
    expect(notes((await check(['--format', 'json', '--max-file-size', '10', patch])).out)).toEqual(['mm/x.c: not reviewed: 52 characters, over the limit of 10']);
    expect((await check(['--max-file-size=100000', small])).code).toBe(1);
    expect((await check(['--parse-timeout', '60000', small])).code).toBe(1);
  });

  it.each([['--max-file-size', '0'], ['--max-file-size', '1e6'], ['--parse-timeout', '-5'], ['--parse-timeout', 'soon']])('%s %s is refused, by audit in the same words', async (name, value) => {
    const message = `memcg-review: bad value '${value}' for ${name} (a whole number from 1)`;
    expect(await refused([name, value, 'x.c'])).toBe(message);
    const io = memoryIo(work, null);
    expect(await run(['audit', '.', name, value], io)).toBe(2);
    expect({ out: io.out.join(''), err: io.err.join('') }).toEqual({ out: '', err: `${message}\n` });
  });

  it('100,000 nested parentheses are reviewed', async () => {
    const r = await check(['--format', 'json', write('parens.c', nestedParens(100_000))]);
    expect(r.code).toBe(1);
  }, HANG);

  it('10,000 macros reading the field', async () => {
    const r = await check(['--format', 'json', write('macros.c', manyMacros(10_000))]);
    expect([0, 1]).toContain(r.code);
    expect(JSON.parse(r.out).errors).toEqual([]);
  }, HANG);

  it('a long line is shown cut around the finding, the caret under it', async () => {
    const line = `\tint pad = ${'1 + '.repeat(2000)}1; use(page->mem_cgroup);`;
    const r = await check([write('long.c', `void f(struct page *page)\n{\n${line}\n}\n`)]);
    expect(r.code).toBe(1);
    const shown = r.out.split('\n').find((l) => l.includes('page->mem_cgroup') && l.startsWith(' '))!;
    expect(shown.length).toBeLessThan(420);
    expect(shown.startsWith(' …')).toBe(true);
    const caret = r.out.split('\n')[r.out.split('\n').indexOf(shown) + 1]!;
    expect(shown.slice(caret.indexOf('^'), caret.indexOf('^') + 'page->mem_cgroup'.length)).toBe('page->mem_cgroup');
  });
});

describe('text', () => {
  it('CRLF line ends: the finding is on its line', async () => {
    const r = await check(['--format', 'json', write('crlf.patch', gitDiff('mm/x.c', ['\tuse(page->mem_cgroup);']).replace(/\n/g, '\r\n'))]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).findings.map((f: { line: number }) => f.line)).toEqual([2]);
  });

  it('bytes that are not UTF-8 are reviewed; --fix refuses to rewrite them and changes nothing', async () => {
    const latin1 = Buffer.concat([Buffer.from('/* caf'), Buffer.from([0xe9, 0xff]), Buffer.from(' */\n'), Buffer.from(C_FILE)]);
    write('latin1.c', latin1);
    expect((await check(['latin1.c'])).code).toBe(1);
    expect(await refused(['--fix', 'latin1.c'])).toBe("memcg-review: 'latin1.c' is not valid UTF-8: --fix would change its other bytes (use --diff)");
    expect(fs.readFileSync(path.join(work, 'latin1.c')).equals(latin1)).toBe(true);
    const patch = Buffer.concat([Buffer.from(gitDiff('mm/x.c', ['\tuse(page->mem_cgroup); /* '])), Buffer.from([0xe9, 0x0a])]);
    write('latin1.patch', patch);
    expect(await refused(['--fix', 'latin1.patch'])).toContain("'latin1.patch' is not valid UTF-8");
    expect(fs.readFileSync(path.join(work, 'latin1.patch')).equals(patch)).toBe(true);
  });

  it.each([
    ['an unterminated comment', `${C_FILE}/* never closed\n`],
    ['an unterminated string', `${C_FILE}char *s = "never closed\n`],
    ['an unterminated character', `${C_FILE}char c = '\n`],
    ['an unclosed brace', 'void f(struct page *page)\n{\n\tuse(page->mem_cgroup);\n'],
  ])('%s: reviewed, no error', async (_name, text) => {
    const r = await check(['--format', 'json', write('u.c', text)]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).errors).toEqual([]);
  });

  it('control characters and bidi overrides from a patch are shown, not obeyed', async () => {
    const evil = gitDiff('mm/x.c', ['\tuse(page->mem_cgroup); /* \x1b[2J\x1b]0;owned\x07 \u202e */']);
    const r = await check([write('esc.patch', evil)]);
    expect(r.code).toBe(1);
    expect(r.out).not.toMatch(/[\x1b\x07\u202e]/);
    expect(r.out).toContain('^[[2J^[]0;owned^G <U+202E>');
  });
});

describe('the file system', () => {
  it('a directory where a file is expected', async () => {
    fs.mkdirSync(path.join(work, 'tree/mm/dir.c'), { recursive: true });
    expect(await refused(['tree'])).toBe("memcg-review: 'tree' is a directory");
    expect(await refused(['--tree', 'tree', 'mm/dir.c'])).toBe("memcg-review: 'mm/dir.c': a directory");
  });

  it('a FIFO or a device is refused before it is read (its read would block or never end)', async () => {
    execFileSync('mkfifo', [path.join(work, 'pipe.patch')]);
    expect(await refused(['pipe.patch'])).toBe("memcg-review: 'pipe.patch' is not a regular file");
    expect(await refused(['/dev/zero'])).toBe("memcg-review: '/dev/zero' is not a regular file");
  }, HANG);

  it('a FIFO in the tree is not read for a post-image: a note', async () => {
    fs.mkdirSync(path.join(work, 'tree/mm'), { recursive: true });
    execFileSync('mkfifo', [path.join(work, 'tree/mm/x.c')]);
    const r = await check(['--format', 'json', '--tree', 'tree', write('p.patch', gitDiff('mm/x.c', ['\tuse(page->mem_cgroup);']))]);
    expect(r.code).toBe(1);
    expect(notes(r.out)).toContain('mm/x.c: not read from the tree: not a regular file');
  }, HANG);

  it('symlink loops', async () => {
    fs.mkdirSync(path.join(work, 'tree/mm'), { recursive: true });
    fs.symlinkSync('b.c', path.join(work, 'tree/mm/a.c'));
    fs.symlinkSync('a.c', path.join(work, 'tree/mm/b.c'));
    fs.symlinkSync('loop', path.join(work, 'loop'));
    expect(await refused(['tree/mm/a.c'])).toBe("memcg-review: cannot read 'tree/mm/a.c': a symlink loop");
    expect(await refused(['--tree', 'loop', 'x.patch'])).toBe("memcg-review: cannot read tree 'loop': a symlink loop");
    const r = await check(['--format', 'json', '--tree', 'tree', write('p.patch', gitDiff('mm/a.c', ['\tuse(page->mem_cgroup);']))]);
    expect(r.code).toBe(1);
  });

  it('an unreadable file (an fs error injected through the Io): one line, exit 2', async () => {
    write('locked.patch', gitDiff('mm/x.c', ['\tuse(page->mem_cgroup);']));
    for (const [code, said] of [['EACCES', 'permission denied'], ['EIO', 'EIO']]) {
      const io = memoryIo(work);
      io.fs = { ...io.fs };
      io.fs.readFile = () => {
        throw Object.assign(new Error(`${code}: failed, open`), { code });
      };
      expect(await run(['check', 'locked.patch'], io)).toBe(2);
      expect(io.err.join('')).toBe(`memcg-review: cannot read 'locked.patch': ${said}\n`);
    }
  });
});
