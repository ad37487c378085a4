import { UserError } from './user-error.js';

/** What a command's options are and what to do with each one, for {@link readOptions}. */
export interface OptionSpec {
  /** Options that take a value (`--name VALUE` or `--name=VALUE`). */
  valued: ReadonlySet<string>;
  /** A flag (an option without a value); false when the command has no such flag. */
  flag(name: string): boolean;
  /** A valued option with its value (never empty). */
  value(name: string, value: string): void;
  /** An argument that is not an option: `-` and, after `--`, every argument. */
  positional(arg: string): void;
  /** What the error on an unknown option suggests, e.g. `(try --help)`. */
  tryHelp: string;
  /** False when `--` is not an end of options for this command (it is then an unknown option). */
  dashDash?: boolean;
}

/**
 * The one option reader of every command (check, audit, model): walks the arguments, splits
 * `--name=VALUE`, takes the next argument as the value of a valued option, and hands each to the
 * command's spec; an unknown option or a missing value is a UserError.
 */
export function readOptions(argv: readonly string[], spec: OptionSpec): void {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--' && spec.dashDash !== false) {
      for (const rest of argv.slice(i + 1)) spec.positional(rest);
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      spec.positional(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (!spec.valued.has(name)) {
      if (eq !== -1 || !spec.flag(name)) throw new UserError(`unknown option '${arg}' ${spec.tryHelp}`);
      continue;
    }
    const value = eq !== -1 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') throw new UserError(`option '${name}' needs a value`);
    spec.value(name, value);
  }
}
