import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../../src/cli/shared/atomic-write.js';
import { run } from '../../src/cli/run.js';
import { memoryIo } from '../helpers/memory-io.js';
import { tempDir } from '../helpers/tree.js';
import { C_FILE } from './hostile-inputs.js';

/** An interrupted --fix leaves every file either as it was or fully fixed, never half written. */
const FILES = Array.from({ length: 6 }, (_, k) => `mm/f${k + 1}.c`);
let work: string;
let old: Map<string, string>;
let fixed: Map<string, string>;

beforeEach(async () => {
  work = tempDir('memcg-interrupt-');
  for (const f of FILES) {
    fs.mkdirSync(path.join(work, 'tree/mm'), { recursive: true });
    fs.writeFileSync(path.join(work, 'tree', f), C_FILE.replace('void f(', `void ${path.basename(f, '.c')}(`));
  }
  old = contents();
  // What a run that is not interrupted writes.
  const clean = tempDir('memcg-interrupt-clean-');
  fs.cpSync(work, clean, { recursive: true });
  expect(await run(['check', '--tree', 'tree', '--fix', ...FILES], memoryIo(clean))).toBe(0);
  fixed = new Map(FILES.map((f) => [f, fs.readFileSync(path.join(clean, 'tree', f), 'utf8')]));
  fs.rmSync(clean, { recursive: true, force: true });
  for (const f of FILES) expect(fixed.get(f)).not.toBe(old.get(f));
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

function contents(): Map<string, string> {
  return new Map(FILES.map((f) => [f, fs.readFileSync(path.join(work, 'tree', f), 'utf8')]));
}

/** Each file is old or new; returns how many are new. */
function oldOrNew(): number {
  let n = 0;
  for (const [f, text] of contents()) {
    expect([old.get(f), fixed.get(f)]).toContain(text);
    if (text === fixed.get(f)) n++;
  }
  return n;
}

const leftovers = () => fs.readdirSync(path.join(work, 'tree/mm')).filter((n) => n.endsWith('.tmp'));

describe('an interrupted --fix', () => {
  it('a write that fails on the third file (injected through the Io): one line, exit 2, files old or new, no temporary file', async () => {
    const io = memoryIo(work);
    let calls = 0;
    io.fs = { ...io.fs, writeFileAtomic: (file, text) => {
      if (++calls === 3) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      writeFileAtomic(file, text);
    } };
    expect(await run(['check', '--tree', 'tree', '--fix', ...FILES], io)).toBe(2);
    expect(io.err.join('')).toBe("memcg-review: cannot write 'mm/f3.c': ENOSPC\n");
    expect(oldOrNew()).toBe(2);
    expect(leftovers()).toEqual([]);
  });

  it('a disk that fills up in the middle of a file (the real atomic write): that file keeps its old text', async () => {
    const real = fs.writeFileSync;
    let calls = 0;
    fs.writeFileSync = ((file: fs.PathOrFileDescriptor, data: string) => {
      if (typeof file === 'number' && ++calls === 4) {
        real(file, data.slice(0, data.length >> 1));
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      }
      return real(file, data);
    }) as typeof fs.writeFileSync;
    try {
      const io = memoryIo(work);
      expect(await run(['check', '--tree', 'tree', '--fix', ...FILES], io)).toBe(2);
      expect(io.err.join('')).toBe("memcg-review: cannot write 'mm/f4.c': ENOSPC\n");
    } finally {
      fs.writeFileSync = real;
    }
    expect(calls).toBeGreaterThanOrEqual(4);
    expect(oldOrNew()).toBe(3);
    expect(contents().get('mm/f4.c')).toBe(old.get('mm/f4.c'));
    expect(leftovers()).toEqual([]);
  });

  it('a file edited by someone else during the review stops the run before anything is written', async () => {
    const io = memoryIo(work);
    const edited = `${old.get('mm/f5.c')}/* edited meanwhile */\n`;
    const readFile = io.fs.readFile;
    let reads = 0;
    io.fs = { ...io.fs, readFile: (p) => {
      // The inputs are read first (6 reads); then someone saves mm/f5.c.
      if (++reads === FILES.length + 1) fs.writeFileSync(path.join(work, 'tree/mm/f5.c'), edited);
      return readFile(p);
    } };
    expect(await run(['check', '--tree', 'tree', '--fix', ...FILES], io)).toBe(2);
    expect(io.err.join('')).toBe("memcg-review: 'mm/f5.c' changed while it was reviewed: nothing written (run again)\n");
    const now = contents();
    for (const f of FILES) expect(now.get(f)).toBe(f === 'mm/f5.c' ? edited : old.get(f));
  });

  it('keeps the mode (and owner) of every file it writes', async () => {
    fs.chmodSync(path.join(work, 'tree/mm/f1.c'), 0o640);
    fs.chmodSync(path.join(work, 'tree/mm/f2.c'), 0o755);
    // As root, a file of another user stays that user's (as another user, the file is its own).
    if (process.getuid?.() === 0) fs.chownSync(path.join(work, 'tree/mm/f1.c'), 65534, 65534);
    const owner = fs.statSync(path.join(work, 'tree/mm/f1.c'));
    expect(await run(['check', '--tree', 'tree', '--fix', ...FILES], memoryIo(work))).toBe(0);
    expect(fs.statSync(path.join(work, 'tree/mm/f1.c')).mode & 0o777).toBe(0o640);
    expect(fs.statSync(path.join(work, 'tree/mm/f2.c')).mode & 0o777).toBe(0o755);
    expect(fs.statSync(path.join(work, 'tree/mm/f1.c'))).toMatchObject({ uid: owner.uid, gid: owner.gid });
    expect(oldOrNew()).toBe(FILES.length);
  });
});
