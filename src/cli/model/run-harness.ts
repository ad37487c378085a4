import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../shared/user-error.js';

/** The C compiler: $CC (a command with its own flags, split on blanks) or cc. */
export function compilerCommand(env: NodeJS.ProcessEnv = process.env): string[] {
  const cc = env.CC?.trim();
  return cc ? cc.split(/\s+/) : ['cc'];
}

/** The first error line of a compiler's output, without the temporary directory. */
function firstError(stderr: string, dir: string): string {
  const lines = stderr.split('\n').filter((l) => l.trim() !== '');
  const line = lines.find((l) => /\berror\b/.test(l)) ?? lines[0] ?? 'no output';
  return line.split(`${dir}${path.sep}`).join('').trim();
}

/**
 * Compiles the harness in a temporary directory with cc, runs it and returns what it printed.
 * No compiler, or a harness that does not compile, is one line for the user; a harness that
 * crashes or does not finish is an internal error.
 */
export function runHarness(source: string, cc: readonly string[] = compilerCommand()): string {
  // Loaded here, not at start: most runs compile no harness.
  const { spawnSync } = process.getBuiltinModule('node:child_process');
  const os = process.getBuiltinModule('node:os');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memcg-verify-'));
  try {
    const file = path.join(dir, 'harness.c');
    const exe = path.join(dir, 'harness');
    fs.writeFileSync(file, source);
    const built = spawnSync(cc[0]!, [...cc.slice(1), '-std=gnu11', '-O0', '-o', exe, file], { encoding: 'utf8', timeout: 120_000 });
    if (built.error) {
      const code = (built.error as NodeJS.ErrnoException).code;
      throw new UserError(`cannot run the C compiler '${cc[0]}': ${code === 'ENOENT' ? 'not found' : code ?? built.error.message} (model verify compiles the tree's helpers: install cc, or set CC)`);
    }
    if (built.status !== 0) throw new UserError(`the harness built from include/linux/memcontrol.h does not compile: ${firstError(built.stderr, dir)}`);
    const ran = spawnSync(exe, [], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
    if (ran.error) throw new Error(`the harness did not run: ${ran.error.message}`);
    if (ran.status !== 0) throw new Error(`the harness stopped (${ran.signal ?? `exit ${ran.status}`}): ${ran.stderr.split('\n', 1)[0]}`);
    return ran.stdout;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
