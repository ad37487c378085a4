import { audit } from './audit/audit.js';
import type { CreateReviewer } from './check/start-reviewer.js';
import { installHook } from './hook/install-hook.js';
import type { ExitCode } from './shared/exit-codes.js';
import type { Io } from './shared/io.js';
import { modelCommand } from './model/model-command.js';

export interface Deps {
  createReviewer: CreateReviewer;
}

/** A subcommand besides `check`: gets its arguments (after its name) and returns the exit code. */
export type CommandRunner = (argv: readonly string[], io: Io, deps: Deps) => Promise<ExitCode>;

/**
 * The subcommands other than `check` (which keeps its own parser in args.ts). Each lives in its
 * own file under src/cli/ and is registered here by name; it handles its own --help and throws
 * UserError for bad usage, which run() turns into one line and exit code 2.
 */
export const COMMANDS: Record<string, CommandRunner> = { audit: (argv, io, deps) => audit(argv, io, deps), 'install-hook': installHook, model: modelCommand };
