import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Severity } from '../../types.js';
import type { CommandRunner } from '../commands.js';
import { EXIT } from '../shared/exit-codes.js';
import { git, GitError } from '../shared/git.js';
import { HOOK_MARKER, sendemailHook } from './sendemail-hook.js';
import { hint } from '../shared/did-you-mean.js';
import { UserError } from '../shared/user-error.js';
import { CLI_MAIN } from '../paths.js';

export const INSTALL_HOOK_HELP = `Usage: memcg-review install-hook [--fail-on error|warning|info] [--force] [--print]

Installs a git sendemail-validate hook in the repository of the current directory
(where core.hooksPath points, else .git/hooks): git send-email then runs
\`memcg-review check\` on every patch it is about to send, and sends nothing when a
patch has a finding at or above --fail-on (default error). Messages without a diff,
such as the cover letter, pass. Bypass it once with git send-email --no-validate.

Options:
  --fail-on error|warning|info
                        lowest severity that refuses the series (default error)
  --force               replace a sendemail-validate hook that memcg-review did not install
  --print               print the hook on stdout instead of installing it
  -h, --help            show this help

Exit codes: 0 installed (or printed); 2 usage error, not in a git repository, or a
hook of someone else's in the way.
`;

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

interface HookArgs {
  failOn: Severity;
  force: boolean;
  print: boolean;
}

/** `memcg-review install-hook`: writes the sendemail-validate hook, executable, atomically. */
export const installHook: CommandRunner = async (argv, io) => {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(INSTALL_HOOK_HELP);
    return EXIT.clean;
  }
  const args = parseHookArgs(argv);
  const hook = sendemailHook({ node: process.execPath, main: fileURLToPath(CLI_MAIN), failOn: args.failOn });
  if (args.print) {
    io.stdout(hook);
    return EXIT.clean;
  }
  const file = hookPath(io.cwd);
  const existing = readOrNull(file);
  if (existing !== null && !existing.includes(HOOK_MARKER) && !args.force) {
    throw new UserError(`a sendemail-validate hook is already installed: ${file} (use --force to replace it)`);
  }
  writeExecutable(file, hook);
  io.stdout(`installed: ${file}\ngit send-email now refuses patches with findings at or above ${args.failOn}.\n`);
  return EXIT.clean;
};

function parseHookArgs(argv: readonly string[]): HookArgs {
  const args: HookArgs = { failOn: 'error', force: false, print: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--force') args.force = true;
    else if (arg === '--print') args.print = true;
    else if (arg === '--fail-on' || arg.startsWith('--fail-on=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (value === undefined || !(SEVERITIES as readonly string[]).includes(value)) {
        throw new UserError(`bad value '${value ?? ''}' for --fail-on (one of: ${SEVERITIES.join(', ')})`);
      }
      args.failOn = value as Severity;
    } else throw new UserError(`unknown option '${arg}' for install-hook (${hint(arg.split('=')[0]!, ['--fail-on', '--force', '--print', '--help'], 'try: memcg-review install-hook --help')})`);
  }
  return args;
}

/** Where git looks for the hook: `git rev-parse --git-path` follows core.hooksPath and worktrees. */
function hookPath(cwd: string): string {
  try {
    return path.resolve(cwd, git(cwd, ['rev-parse', '--git-path', 'hooks/sendemail-validate']).trim());
  } catch (e) {
    if (e instanceof GitError) throw new UserError('install-hook: not inside a git repository');
    throw e;
  }
}

function readOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function writeExecutable(file: string, text: string): void {
  const temp = `${file}.memcg-review-${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temp, text, { mode: 0o755 });
    fs.chmodSync(temp, 0o755);
    fs.renameSync(temp, file);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw new UserError(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}
