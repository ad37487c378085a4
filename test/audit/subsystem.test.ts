import { directoryOf, subsystemOf } from '../../src/audit/subsystem.js';

test.each([
  ['mm/memcontrol.c', 'mm'],
  ['kernel/fork.c', 'kernel'],
  ['include/linux/memcontrol.h', 'include/linux'],
  ['include/trace/events/writeback.h', 'include/trace'],
  ['drivers/gpu/drm/i915/gem.c', 'drivers/gpu'],
  ['fs/ext4/inode.c', 'fs/ext4'],
  ['fs/buffer.c', 'fs'],
  ['arch/x86/mm/init.c', 'arch/x86'],
  ['top.c', '.'],
])('subsystemOf(%s) is %s', (file, subsystem) => {
  expect(subsystemOf(file)).toBe(subsystem);
});

test('directoryOf', () => {
  expect(directoryOf('mm/memcontrol.c')).toBe('mm');
  expect(directoryOf('include/linux/mm.h')).toBe('include/linux');
  expect(directoryOf('top.c')).toBe('.');
});
