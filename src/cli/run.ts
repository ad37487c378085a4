import { createReviewer } from '../review/reviewer.js';
import { parseArgs } from './check/args.js';
import { check } from './check/check.js';
import { COMMANDS, type Deps } from './commands.js';
import { EXIT, type ExitCode } from './shared/exit-codes.js';
import { HELP, TOP_HELP } from './help.js';
import type { Io } from './shared/io.js';
import { UserError } from './shared/user-error.js';

export type { Deps } from './commands.js';

/**
 * One CLI run: parses argv (without `node` and the script), does the work through `io` and
 * returns the exit code. Nothing escapes: a usage or input error is one line and exit 2, anything
 * unexpected one line and exit 3.
 */
export async function run(argv: readonly string[], io: Io, deps: Deps = { createReviewer }): Promise<ExitCode> {
  try {
    const sub = argv[0] === undefined ? undefined : COMMANDS[argv[0]];
    if (sub) return await sub(argv.slice(1), io, deps);
    const command = parseArgs(argv);
    if (command.kind === 'help') {
      io.stdout(argv[0] === 'check' ? HELP : TOP_HELP);
      return EXIT.clean;
    }
    if (command.kind === 'version') {
      io.stdout(`memcg-review ${io.version}\n`);
      return EXIT.clean;
    }
    return await check(command, io, deps.createReviewer);
  } catch (e) {
    if (e instanceof UserError) {
      io.stderr(`memcg-review: ${oneLine(e.message)}\n`);
      return EXIT.usage;
    }
    io.stderr(`memcg-review: internal error: ${oneLine(e instanceof Error ? e.message : String(e))}\n`);
    return EXIT.internal;
  }
}

function oneLine(message: string): string {
  return message.split('\n', 1)[0]!.trim();
}
