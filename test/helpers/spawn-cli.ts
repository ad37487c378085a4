import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const MAIN = path.join(ROOT, 'dist/cli/main.js');

/**
 * Builds dist/ as `npm run build` does (tsc, then the CLI bundled). `npm test` builds once before jest and sets
 * MEMCG_REVIEW_BUILT=1, so that test files running side by side never rewrite dist/ while another
 * one runs it; a single file run by hand still builds.
 */
export function build(): void {
  if (process.env.MEMCG_REVIEW_BUILT === '1') return;
  // As `npm run build`: tsc, then the CLI's bundles over its output (scripts/bundle.mjs).
  for (const argv of [[path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.json')], [path.join(ROOT, 'scripts/bundle.mjs')]]) {
    const r = spawnSync(process.execPath, argv, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}${r.stderr}`);
  }
}

/** Runs the built CLI as a real process; without colour unless `env` asks for it (jest's FORCE_COLOR is dropped). */
export function spawnCli(argv: string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}) {
  const { FORCE_COLOR: _force, NO_COLOR: _no, ...inherited } = process.env;
  const r = spawnSync(process.execPath, [MAIN, ...argv], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    // No input means a closed, empty stdin: not a terminal.
    input: options.input ?? '',
    env: { ...inherited, NODE_OPTIONS: '', ...options.env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
