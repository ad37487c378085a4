import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FETCH = fileURLToPath(new URL('../../scripts/fetch-linux-source', import.meta.url));

/** A Debian linux-source tree, fetched (and cached) by scripts/fetch-linux-source at test time. */
export function fetchLinuxSource(version: '5.10' | '6.1' | '6.12' | '7.2'): string {
  const out = execFileSync(FETCH, [version], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 290_000 });
  const tree = out.trim().split('\n').pop()!;
  if (!fs.existsSync(path.join(tree, 'Makefile'))) throw new Error(`fetch-linux-source printed ${tree}, which is not a kernel tree`);
  return tree;
}
