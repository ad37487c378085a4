import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { privateBuild } from '../app/private-build.js';
import { ROOT } from '../helpers/spawn-cli.js';
import { tempDir } from '../helpers/tree.js';
import { memoryIo } from '../helpers/memory-io.js';
import { run } from '../../src/cli/run.js';
import { bigSeries, C_FILE, gitDiff, nestedParens, singleLine } from './hostile-inputs.js';

/**
 * The CLI as a real process on hostile input: within a capped JavaScript heap, killed in the middle
 * of --fix, and refused a read by the kernel. Timeouts only catch hangs.
 */
const HANG = 120_000;
const isRoot = process.getuid?.() === 0;

let built: ReturnType<typeof privateBuild>;
let main: string;
beforeAll(() => {
  built = privateBuild();
  main = path.join(ROOT, path.dirname(path.dirname(built.entry)), 'cli/main.js');
}, HANG);
afterAll(() => built?.remove());

let work: string;
beforeEach(() => {
  work = tempDir('memcg-process-');
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

function cli(argv: string[], options: { node?: string[]; env?: Record<string, string>; uid?: number } = {}) {
  const r = spawnSync(process.execPath, [...(options.node ?? []), main, 'check', ...argv], {
    cwd: work,
    encoding: 'utf8',
    input: '',
    timeout: HANG - 10_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { PATH: process.env.PATH ?? '', ...options.env },
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
  });
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
}

const write = (name: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(work, name)), { recursive: true });
  fs.writeFileSync(path.join(work, name), text);
  return name;
};

describe('within a 160 MB JavaScript heap, each input ends with a documented exit code and no stack trace', () => {
  const cases: [string, () => string, number][] = [
    ['an mbox of 400 patches', () => write('big.mbox', bigSeries(400)), 1],
    ['a 10 MB single-line C file', () => write('one.c', singleLine(10 * 1024 * 1024)), 0],
    ['a 10 MB single line added by a patch', () => write('one.patch', gitDiff('mm/one.c', [singleLine(10 * 1024 * 1024).trimEnd()])), 0],
    ['100,000 nested parentheses', () => write('parens.c', nestedParens(100_000)), 1],
    ['500 hunks near line 1,000,000', () => write('far.mbox', Array.from({ length: 500 }, (_, k) => gitDiff(`mm/far${k}.c`, ['\tuse(page->mem_cgroup);']).replace('@@ -1,1 +1,2 @@', '@@ -999990,1 +999990,2 @@')).join('')), 1],
  ];
  it.each(cases)('%s', (_name, make, code) => {
    const r = cli(['--format', 'json', make()], { node: ['--max-old-space-size=160'] });
    expect(r.signal).toBeNull();
    expect(r.err).not.toMatch(/^\s+at |FATAL ERROR|heap out of memory/m);
    expect(r.code).toBe(code);
    expect(JSON.parse(r.out).errors).toEqual([]);
  }, HANG);
});

describe('standard input', () => {
  it('over 256 MiB: one line, exit 2, without holding it all', () => {
    const file = path.join(work, 'endless.patch');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 300 * 1024 * 1024);
    const fd = fs.openSync(file, 'r');
    try {
      const r = spawnSync(process.execPath, ['--max-old-space-size=400', main, 'check', '-'], { cwd: work, encoding: 'utf8', stdio: [fd, 'pipe', 'pipe'], timeout: HANG - 10_000 });
      expect({ code: r.status, err: r.stderr }).toEqual({ code: 2, err: `memcg-review: stdin is over ${256 * 1024 * 1024} bytes: a patch that large is not read\n` });
    } finally {
      fs.closeSync(fd);
    }
  }, HANG);
});

describe('a --fix killed in the middle of writing a file', () => {
  /** Kills the process with SIGKILL half-way through writing the temporary file of the Nth file it fixes. */
  const KILLER = `import fs from 'node:fs';
const at = Number(process.env.KILL_AT_WRITE);
const real = fs.writeFileSync;
let calls = 0;
fs.writeFileSync = function (file, data, ...rest) {
  if (typeof file === 'number' && ++calls === at) {
    real(file, String(data).slice(0, String(data).length >> 1));
    process.kill(process.pid, 'SIGKILL');
  }
  return real.call(this, file, data, ...rest);
};
`;

  it('leaves every file old or new: the ones before it fixed, it and the ones after untouched', () => {
    const files = Array.from({ length: 40 }, (_, k) => write(`tree/mm/f${k + 1}.c`, C_FILE.replace('void f(', `void f${k + 1}(`)).slice('tree/'.length));
    const old = files.map((f) => fs.readFileSync(path.join(work, 'tree', f), 'utf8'));
    write('killer.mjs', KILLER);
    const killed = cli(['--tree', 'tree', '--fix', ...files], { node: ['--import', `file://${path.join(work, 'killer.mjs')}`], env: { KILL_AT_WRITE: '17' } });
    expect(killed.signal).toBe('SIGKILL');
    const after = files.map((f) => fs.readFileSync(path.join(work, 'tree', f), 'utf8'));
    // The one file being written when the process died left its temporary file, half written, beside it.
    const temps = fs.readdirSync(path.join(work, 'tree/mm')).filter((n) => n.endsWith('.tmp'));
    expect(temps).toEqual([expect.stringMatching(/^\.f17\.c\.memcg-review-\d+-[0-9a-f]{8}\.tmp$/)]);
    // Running again finishes the job: what it leaves is "new", and the first 16 files already were.
    expect(cli(['--tree', 'tree', '--fix', ...files]).code).toBe(0);
    const fixed = files.map((f) => fs.readFileSync(path.join(work, 'tree', f), 'utf8'));
    fixed.forEach((text, k) => {
      expect(text).not.toBe(old[k]);
      expect(after[k]).toBe(k < 16 ? text : old[k]);
    });
  }, HANG);
});

describe('a file the kernel refuses to read', () => {
  // As root the file must be read by someone the kernel refuses: nobody. When nobody cannot reach
  // the checkout itself (cloned into root's 0700 home), the CLI cannot start as nobody: the same
  // refusal is then injected into the CLI's file system (EACCES from read), run in-process.
  it(`chmod 000: one line, exit 2 (${isRoot ? 'run as nobody, since root reads everything; injected EACCES when nobody cannot reach the checkout' : 'as this user'})`, async () => {
    fs.chmodSync(work, 0o755);
    write('locked.patch', gitDiff('mm/x.c', ['\tuse(page->mem_cgroup);']));
    fs.chmodSync(path.join(work, 'locked.patch'), 0);
    const expected = { code: 2, out: '', err: "memcg-review: cannot read 'locked.patch': permission denied\n" };
    if (!isRoot || nobodyReaches(main)) {
      expect(cli(['locked.patch'], isRoot ? { uid: 65534 } : {})).toMatchObject(expected);
      return;
    }
    const io = memoryIo(work);
    io.fs = { ...io.fs, readFile: (p) => (path.basename(p) === 'locked.patch' ? refuse(p) : fs.readFileSync(p, 'utf8')) };
    expect({ code: await run(['check', 'locked.patch'], io), out: io.out.join(''), err: io.err.join('') }).toEqual(expected);
  }, HANG);

  it('falls back to the injected failure exactly when nobody cannot reach a folder', () => {
    if (!isRoot) return;
    const locked = tempDir('memcg-0700-');
    try {
      fs.chmodSync(locked, 0o700);
      fs.writeFileSync(path.join(locked, 'main.js'), '');
      expect(nobodyReaches(path.join(locked, 'main.js'))).toBe(false);
      fs.chmodSync(locked, 0o755);
      expect(nobodyReaches(path.join(locked, 'main.js'))).toBe(true);
    } finally {
      fs.rmSync(locked, { recursive: true, force: true });
    }
  }, HANG);
});

/** Whether the user nobody can read `file` (every folder above it searchable). */
function nobodyReaches(file: string): boolean {
  const r = spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(file)}, require('fs').constants.R_OK)`], { uid: 65534, gid: 65534, cwd: '/', env: { PATH: process.env.PATH ?? '' } });
  return r.status === 0;
}

function refuse(file: string): never {
  throw Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: 'EACCES' });
}
