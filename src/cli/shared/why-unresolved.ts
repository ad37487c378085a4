import type { Io } from './io.js';

/** Why a path cannot be resolved, in words: a symlink loop, a permission, or nothing there. */
export function whyUnresolved(p: string, io: Io): string {
  try {
    io.fs.realpath(p);
    return 'unreadable';
  } catch (e) {
    switch ((e as NodeJS.ErrnoException).code) {
      case 'ELOOP':
        return 'a symlink loop';
      case 'EACCES':
      case 'EPERM':
        return 'permission denied';
      case 'ENAMETOOLONG':
        return 'the name is too long';
      default:
        return 'no such file';
    }
  }
}
