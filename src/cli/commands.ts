import type { CreateReviewer } from './check/start-reviewer.js';
import type { ExitCode } from './shared/exit-codes.js';
import type { Io } from './shared/io.js';

export interface Deps {
  createReviewer: CreateReviewer;
}

/** A subcommand besides `check`: gets its arguments (after its name) and returns the exit code. */
export type CommandRunner = (argv: readonly string[], io: Io, deps: Deps) => Promise<ExitCode>;

/**
 * The subcommands other than `check` (which keeps its own parser in args.ts). Each lives in its
 * own file under src/cli/ and is registered here by name; it handles its own --help and throws
 * UserError for bad usage, which run() turns into one line and exit code 2. Each is loaded when it
 * runs: a check does not load the audit's workers, the model's compiler runs nor the hook's writes.
 */
export const COMMANDS: Record<string, CommandRunner> = {
  audit: async (argv, io, deps) => (await import('./audit/audit.js')).audit(argv, io, deps),
  'install-hook': async (argv, io, deps) => (await import('./hook/install-hook.js')).installHook(argv, io, deps),
  model: async (argv, io, deps) => (await import('./model/model-command.js')).modelCommand(argv, io, deps),
};
