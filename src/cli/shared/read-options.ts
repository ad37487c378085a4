import { hint } from './did-you-mean.js';
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
  /** An option read whole, before anything else (`--fix=assumed`, `--color=WHEN`); false when it is not one. */
  whole?(arg: string): boolean;
  /** What the error on an unknown option suggests, e.g. `(try --help)`. */
  tryHelp: string;
  /** The command's option names: an unknown option close to one gets "did you mean". */
  suggest?: readonly string[];
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
    if (spec.whole?.(arg)) continue;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (!spec.valued.has(name)) {
      if (eq !== -1 || !spec.flag(name)) throw new UserError(`unknown option '${arg}' ${unknownHint(name, spec)}`);
      continue;
    }
    const value = eq !== -1 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') throw new UserError(`option '${name}' needs a value`);
    spec.value(name, value);
  }
}

/** `(did you mean '--fix'?)` when the name is a typo of a known option, else the spec's `tryHelp`. */
function unknownHint(name: string, spec: OptionSpec): string {
  if (!spec.suggest) return spec.tryHelp;
  return `(${hint(name, [...spec.valued, ...spec.suggest], spec.tryHelp.replace(/^\(|\)$/g, ''))})`;
}
