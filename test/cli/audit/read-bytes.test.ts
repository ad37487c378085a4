import fs from 'node:fs';
import path from 'node:path';
import { BytesReader } from '../../../src/cli/audit/read-bytes.js';
import { tempDir } from '../../helpers/tree.js';

describe('BytesReader', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('memcg-read-');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const file = (name: string, bytes: Buffer) => {
    fs.writeFileSync(path.join(dir, name), bytes);
    return path.join(dir, name);
  };

  test.each([0, 1, 4095, 1 << 20, (1 << 20) + 1, 3 * (1 << 20) + 7])('reads a file of %i bytes whole', (size) => {
    const bytes = Buffer.alloc(size, 0);
    for (let i = 0; i < size; i++) bytes[i] = (i * 31) & 0xff;
    const reader = new BytesReader();
    expect(Buffer.compare(reader.read(file('f.c', bytes)), bytes)).toBe(0);
  });

  test('one reader, many files: each read gives that file only', () => {
    const reader = new BytesReader();
    const big = file('big.c', Buffer.alloc(2 << 20, 0x61));
    const small = file('small.c', Buffer.from('int x;\n'));
    expect(reader.read(big).length).toBe(2 << 20);
    expect(reader.read(small).toString()).toBe('int x;\n');
    expect(reader.read(big).length).toBe(2 << 20);
  });

  test('refuses a symbolic link', () => {
    const target = file('real.c', Buffer.from('int x;\n'));
    fs.symlinkSync(target, path.join(dir, 'link.c'));
    expect(() => new BytesReader().read(path.join(dir, 'link.c'))).toThrow(/ELOOP/);
  });
  test('a file over the limit is refused with EFBIG, the buffer stays bounded, and later reads work', () => {
    const reader = new BytesReader(1 << 20);
    const huge = file('huge.c', Buffer.alloc(5 << 20, 0x61));
    const small = file('small.c', Buffer.from('int y;\n'));
    expect(() => reader.read(huge)).toThrow(expect.objectContaining({ code: 'EFBIG' }));
    expect(reader.read(small).toString()).toBe('int y;\n');
    const exact = file('exact.c', Buffer.alloc(1 << 20, 0x62));
    expect(reader.read(exact).length).toBe(1 << 20);
  });
});
