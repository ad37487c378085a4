import { pathFilter } from '../../src/audit/path-filter.js';

describe('pathFilter', () => {
  test('by default only C sources and headers', () => {
    const f = pathFilter([], []);
    expect(['mm/memcontrol.c', 'include/linux/mm.h', 'a.c'].every(f.file)).toBe(true);
    expect(['Makefile', 'mm/Kconfig', 'x.cc', 'x.S', 'doc.rst', 'x.c.orig'].some(f.file)).toBe(false);
    expect(f.directory('drivers')).toBe(true);
  });

  test('--include narrows to matching files; a glob without / matches the name at any depth', () => {
    const f = pathFilter(['*.h'], []);
    expect(f.file('include/linux/mm.h')).toBe(true);
    expect(f.file('mm/memcontrol.c')).toBe(false);
    const g = pathFilter(['mm/**', 'fs/*.c'], []);
    expect(g.file('mm/memcontrol.c')).toBe(true);
    expect(g.file('mm/sub/dir/x.h')).toBe(true);
    expect(g.file('fs/buffer.c')).toBe(true);
    expect(g.file('fs/iomap/buffered-io.c')).toBe(false);
    expect(g.file('kernel/fork.c')).toBe(false);
  });

  test('--include never lets through a file that is not C', () => {
    expect(pathFilter(['**'], []).file('Makefile')).toBe(false);
  });

  test('--exclude drops files and prunes folders', () => {
    const f = pathFilter([], ['drivers/**', 'percpu.c', 'tools']);
    expect(f.file('drivers/misc/gpu_pool.c')).toBe(false);
    expect(f.directory('drivers')).toBe(false);
    expect(f.file('mm/percpu.c')).toBe(false);
    expect(f.file('mm/percpu-km.c')).toBe(true);
    expect(f.directory('tools')).toBe(false);
    expect(f.directory('scripts/tools')).toBe(false);
    expect(f.directory('mm')).toBe(true);
  });

  test('a leading ./ and a trailing / are ignored', () => {
    const f = pathFilter(['./mm/*.c'], ['drivers/']);
    expect(f.file('mm/memcontrol.c')).toBe(true);
    expect(f.directory('drivers')).toBe(false);
  });
});
