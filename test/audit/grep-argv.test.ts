import { GREP_ENV, grepArgv, splitGrepNames } from '../../src/audit/grep-argv.js';

test('grep lists .c and .h files holding any literal, as bytes, skipping dot folders and devices', () => {
  expect(grepArgv(['mem_cgroup', 'Kmemcg'])).toEqual([
    '-r', '-l', '-F', '-a', '-Z', '-D', 'skip', '--include=*.c', '--include=*.h', '--exclude-dir=.?*', '-e', 'mem_cgroup', '-e', 'Kmemcg', '--', '.',
  ]);
  expect(GREP_ENV).toEqual({ LC_ALL: 'C' });
  expect(() => grepArgv([])).toThrow('no literal');
});

test('NUL-terminated names split across chunks, ./ dropped', () => {
  const a = splitGrepNames('./mm/memcontrol.c\0./fs/buf', '');
  expect(a).toEqual({ names: ['mm/memcontrol.c'], rest: './fs/buf' });
  const b = splitGrepNames('fer.c\0./a b\nc.h\0', a.rest);
  expect(b).toEqual({ names: ['fs/buffer.c', 'a b\nc.h'], rest: '' });
});
