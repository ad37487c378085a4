import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/spawn-cli.js';

/**
 * Builds the project into a folder of its own under node_modules/.cache (so packages still
 * resolve), not dist/: other suites and other people rebuild dist/ while this one runs.
 */
export function privateBuild(): { entry: string; remove(): void } {
  const rel = path.join('node_modules/.cache/memcg-review-e2e', String(process.pid));
  const out = path.join(ROOT, rel);
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.json'), '--outDir', out], { encoding: 'utf8' });
  if (r.status !== 0) {
    rmSync(out, { recursive: true, force: true });
    throw new Error(`build failed:\n${r.stdout}${r.stderr}`);
  }
  return { entry: `./${rel}/app/index.js`, remove: () => rmSync(out, { recursive: true, force: true }) };
}
