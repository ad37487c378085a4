import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { writeFileAtomic } from '../shared/atomic-write.js';
import { UserError } from '../shared/user-error.js';

/**
 * Writes a report to --output FILE atomically: an existing file is replaced (its mode kept), a
 * new one is created through a temporary file and a rename, so a reader never sees half a report.
 */
export function writeOutput(file: string, text: string): void {
  try {
    if (fs.existsSync(file)) {
      if (!fs.statSync(file).isFile()) throw new UserError(`cannot write the report to '${file}': not a regular file`);
      writeFileAtomic(file, text);
      return;
    }
    const temp = path.join(path.dirname(file), `.${path.basename(file)}.memcg-review-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
    try {
      fs.writeFileSync(temp, text, { flag: 'wx' });
      fs.renameSync(temp, file);
    } catch (e) {
      fs.rmSync(temp, { force: true });
      throw e;
    }
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`cannot write the report to '${file}': ${reason(e as NodeJS.ErrnoException)}`);
  }
}

/** Refuses, before any work, an --output whose folder does not exist or is not a folder. */
export function checkOutputFolder(file: string): void {
  const folder = path.dirname(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folder);
  } catch (e) {
    throw new UserError(`cannot write the report to '${file}': ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? `folder '${folder}' does not exist` : reason(e as NodeJS.ErrnoException)}`);
  }
  if (!stat.isDirectory()) throw new UserError(`cannot write the report to '${file}': '${folder}' is not a folder`);
}

function reason(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EROFS':
      return 'read-only file system';
    default:
      return e.code ?? String(e);
  }
}
