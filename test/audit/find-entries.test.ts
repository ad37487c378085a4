import { FIND_ARGV, FindTally, findLeanArgv, parseFindEntry, splitNul } from '../../src/audit/find-entries.js';

test('find lists folders with their ids, links, and .c/.h files with their sizes, dot folders pruned, links not followed', () => {
  expect(FIND_ARGV.slice(0, 2)).toEqual(['-P', '.']);
  expect(FIND_ARGV.join(' ')).toContain('( -type d -name .?* -prune )');
  expect(FIND_ARGV.join(' ')).toContain('-printf f%s %p\\0');
});

test('entries parse to tree-relative paths', () => {
  expect(parseFindEntry('d2049:17 .')).toEqual({ kind: 'dir', id: '2049:17', path: '' });
  expect(parseFindEntry('d2049:18 ./mm')).toEqual({ kind: 'dir', id: '2049:18', path: 'mm' });
  expect(parseFindEntry('l./lib/link.c')).toEqual({ kind: 'link', path: 'lib/link.c' });
  expect(parseFindEntry('f1234 ./lib/a b.c')).toEqual({ kind: 'file', size: 1234, path: 'lib/a b.c' });
  expect(parseFindEntry('fx ./a.c')).toBeNull();
  expect(parseFindEntry('q1 ./a.c')).toBeNull();
  expect(parseFindEntry('d12')).toBeNull();
});

test('NUL-terminated records split across chunks', () => {
  const a = splitNul('f1 ./mm/memcontrol.c\0f2 ./fs/buf', '');
  expect(a).toEqual({ records: ['f1 ./mm/memcontrol.c'], rest: 'f2 ./fs/buf' });
  const b = splitNul('fer.c\0l./a b\nc.h\0', a.rest);
  expect(b).toEqual({ records: ['f2 ./fs/buffer.c', 'l./a b\nc.h'], rest: '' });
});

test('the lean listing: sizes alone for most files, full records for the large and the oddly named', () => {
  const argv = findLeanArgv(1000).join(' ');
  expect(argv).toContain('-printf l\\0');
  expect(argv).toContain('( ( -size +1000c -o -name *[! -~]* ) -printf f%s %p\\0 -o -printf s%s\\0 )');
  expect(argv).toContain('-printf d%D:%i %p\\0');
});

describe('FindTally', () => {
  const bytes = (s: string | number[]) => (typeof s === 'string' ? new TextEncoder().encode(s) : Uint8Array.from(s));
  const run = (chunks: (string | number[])[]) => {
    const records: string[] = [];
    const tally = new FindTally((r) => records.push(r));
    for (const c of chunks) tally.push(bytes(c));
    tally.end();
    return { files: tally.files, bytes: tally.bytes, links: tally.links, records };
  };

  test('sums sizes and counts links, across chunk boundaries, and hands the rest on as strings', () => {
    expect(run(['s12\0s3', '0\0l\0l', '\0d1:2 ./mm\0f5 ./a b.c\0s7'])).toEqual({
      files: 3, bytes: 49, links: 2, records: ['d1:2 ./mm', 'f5 ./a b.c'],
    });
  });

  test('a size record that is not digits, and a link with a path, are handed on', () => {
    expect(run(['s12x\0s\0l./a.c\0'])).toEqual({ files: 0, bytes: 0, links: 0, records: ['s12x', 's', 'l./a.c'] });
  });

  test('a name that is not UTF-8 is decoded with U+FFFD, even split between chunks', () => {
    const head = [...bytes('f3 ./b')];
    expect(run([[...head, 0xc3], [0x28, ...bytes('.c\0')]]).records).toEqual(['f3 ./b\uFFFD(.c']);
    expect(run([[...bytes('f3 ./'), 0xc3], [0xa9, ...bytes('.c\0')]]).records).toEqual(['f3 ./\u00e9.c']);
  });
});
