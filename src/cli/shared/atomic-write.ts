import fs from 'node:fs';
import path from 'node:path';

/**
 * Replaces a file's contents atomically: writes a temporary file in the same directory, keeps
 * the original's mode (and its owner where the process may set it), fsyncs it, renames it over
 * the original, and fsyncs the directory. The temporary file is removed when anything fails; only
 * a process killed between its creation and the rename leaves it behind (the original is intact).
 */
export function writeFileAtomic(file: string, text: string): void {
  const dir = path.dirname(file);
  const stat = fs.statSync(file);
  const mode = stat.mode & 0o7777;
  const temp = path.join(dir, `.${path.basename(file)}.memcg-review-${process.pid}-${process.getBuiltinModule('node:crypto').randomBytes(4).toString('hex')}.tmp`);
  let fd = fs.openSync(temp, 'wx', mode);
  try {
    fs.writeFileSync(fd, text);
    keepOwner(fd, stat); // before the mode: a chown clears the set-id bits
    fs.fchmodSync(fd, mode);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = -1;
    fs.renameSync(temp, file);
  } catch (e) {
    if (fd !== -1) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw e;
  }
  syncDirectory(dir);
}

/** Gives the temporary file the original's owner; only root (or the owner) may, and that is the only case it matters. */
function keepOwner(fd: number, stat: fs.Stats): void {
  if (process.getuid?.() !== 0) return;
  fs.fchownSync(fd, stat.uid, stat.gid);
}

function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some file systems cannot fsync a directory; the rename is done either way.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
