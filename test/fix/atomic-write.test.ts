import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../../src/cli/shared/atomic-write.js';
import { tempDir } from '../helpers/tree.js';

describe('writeFileAtomic', () => {
  let dir: string;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('replaces the contents, keeps the mode and leaves no temporary file', () => {
    const file = path.join(dir, 'fix.patch');
    fs.writeFileSync(file, 'old\n');
    fs.chmodSync(file, 0o640);
    writeFileAtomic(file, 'new\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('new\n');
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(dir)).toEqual(['fix.patch']);
  });

  it('replaces the file by a rename: an open reader keeps the old contents', () => {
    const file = path.join(dir, 'a.c');
    fs.writeFileSync(file, 'old\n');
    const before = fs.statSync(file).ino;
    const fd = fs.openSync(file, 'r');
    try {
      writeFileAtomic(file, 'new\n');
      expect(fs.readFileSync(fd, 'utf8')).toBe('old\n');
    } finally {
      fs.closeSync(fd);
    }
    expect(fs.statSync(file).ino).not.toBe(before);
    expect(fs.readFileSync(file, 'utf8')).toBe('new\n');
  });

  it('fails on a missing file without leaving anything behind', () => {
    expect(() => writeFileAtomic(path.join(dir, 'missing.c'), 'x')).toThrow();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('cleans up its temporary file when the rename fails', () => {
    const target = path.join(dir, 'target');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'keep'), '');
    // A directory passes the stat but cannot be replaced by a file.
    expect(() => writeFileAtomic(target, 'x')).toThrow();
    expect(fs.readdirSync(dir)).toEqual(['target']);
  });
});
