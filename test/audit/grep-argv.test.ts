import { GREP_ENV, grepArgv } from '../../src/audit/grep-argv.js';

test('grep lists .c and .h files holding any literal, as bytes, skipping dot folders and devices', () => {
  expect(grepArgv(['mem_cgroup', 'Kmemcg'])).toEqual([
    '-r', '-l', '-F', '-a', '-Z', '-D', 'skip', '--include=*.c', '--include=*.h', '--exclude-dir=.?*', '-e', 'mem_cgroup', '-e', 'Kmemcg', '--', '.',
  ]);
  expect(GREP_ENV).toEqual({ LC_ALL: 'C' });
  expect(() => grepArgv([])).toThrow('no literal');
});
