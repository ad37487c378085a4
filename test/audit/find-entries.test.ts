import { FIND_ARGV, parseFindEntry, splitNul } from '../../src/audit/find-entries.js';

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
