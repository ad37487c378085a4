import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/cli', import.meta.url));

/** A fresh temporary directory, removed by the returned cleanup. */
export function tempDir(prefix = 'memcg-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A copy of the fixture tree in a temporary directory. */
export function copyTree(): string {
  const dir = tempDir('memcg-tree-');
  fs.cpSync(path.join(FIXTURES, 'tree'), dir, { recursive: true });
  return dir;
}

/** Runs `git apply` (check, then apply) of the patch text in dir; throws with git's stderr on failure. */
export function gitApply(dir: string, patchText: string): void {
  const file = path.join(dir, '.under-test.patch');
  fs.writeFileSync(file, patchText);
  try {
    execFileSync('git', ['apply', '--check', file], { cwd: dir, stdio: 'pipe' });
    execFileSync('git', ['apply', file], { cwd: dir, stdio: 'pipe' });
  } finally {
    fs.rmSync(file);
  }
}

export function readFixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}
