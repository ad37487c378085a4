import { TARGETS, type FixLevel, type Severity, type Target } from '../../types.js';
import { setFixFlag } from '../shared/fix-flag.js';
import { UserError } from '../shared/user-error.js';
import type { CheckpatchStyle } from '../../report/checkpatch.js';
import { parseRuleList } from './rule-selection.js';
import { checkWorkflowArgs, setStyleFlag, STYLE_FLAG_NAMES } from './workflow-args.js';
import { positiveCount } from '../shared/positive-count.js';
import { oneOf } from '../shared/one-of.js';
import { readOptions } from '../shared/read-options.js';
import { COLOR_WHENS, type ColorWhen } from '../shared/color-choice.js';
import { hint } from '../shared/did-you-mean.js';
import { COMMAND_NAMES } from '../help.js';

export type OutputFormat = 'text' | 'json' | 'checkpatch' | 'b4';
export type Mode = 'report' | 'fix' | 'diff';

export interface CheckArgs {
  kind: 'check';
  /** The generation named, or `auto`: read from --tree's headers. */
  target: Target | 'auto';
  tree?: string;
  format: OutputFormat;
  mode: Mode;
  /** Which fixes --fix and --diff apply: proven ones, or assumed ones too (--fix=assumed, --diff=assumed). */
  fixLevel: FixLevel;
  failOn: Severity;
  /** Extra memcg-core globs (--core), added to the defaults. */
  core: string[];
  /** Inputs as given; '-' is stdin. */
  files: string[];
  /** --git RANGE: the commits of a range, reviewed as a series with files read from the repository. */
  git?: string;
  /** --types / --ignore: rule ids to keep / to leave out (absent when not given). */
  types?: string[];
  ignore?: string[];
  /** --terse, --emacs, --showfile, --no-summary: checkpatch's output variants (absent when not given). */
  style?: Partial<CheckpatchStyle>;
  /** --max-file-size BYTES: a C file (given or built from a patch) larger than this is not reviewed, with a note. */
  maxFileSize?: number;
  /** --parse-timeout MS: a file whose parse takes longer is not reviewed, with a note. */
  parseTimeout?: number;
  /** --review-timeout MS: a file whose rules take longer (after its parse) is not reviewed, with a note. */
  reviewTimeout?: number;
  /** --color[=WHEN], --no-color: colour the report and the diff (default auto: on a terminal). */
  color: ColorWhen;
  /** --verbose: every finding's explanation and every fix's, not just the first of each. */
  verbose: boolean;
}

export type Command = { kind: 'help' } | { kind: 'version' } | CheckArgs;

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'checkpatch', 'b4'];
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const VALUED = new Set(['--target', '--tree', '--format', '--fail-on', '--core', '--git', '--types', '--ignore', '--max-file-size', '--parse-timeout', '--review-timeout']);

/** Every option `check` takes, for "did you mean". */
const CHECK_OPTIONS = [...VALUED, ...STYLE_FLAG_NAMES, '--fix', '--diff', '--color', '--no-color', '--verbose', '--help', '--version'];

/** Parses `check [options] [FILE...|-]`, `--help`, `--version`; throws UserError on bad usage. */
export function parseArgs(argv: readonly string[]): Command {
  if (argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };
  if (argv.includes('--version')) return { kind: 'version' };
  const [command, ...rest] = argv;
  if (command === undefined) throw new UserError('no command given (try: memcg-review check FILE..., or --help)');
  if (command !== 'check') {
    if (command.startsWith('-')) throw new UserError(`unknown option '${command}' (${hint(command, ['--help', '--version'], 'try --help')})`);
    const fallback = /[./]/.test(command) ? `try: memcg-review check ${command}` : 'see memcg-review --help';
    throw new UserError(`unknown command '${command}' (${hint(command, COMMAND_NAMES, fallback)})`);
  }
  const args: CheckArgs = { kind: 'check', target: 'v5.11', format: 'text', mode: 'report', fixLevel: 'proven', failOn: 'warning', core: [], files: [], color: 'auto', verbose: false };
  readOptions(rest, {
    valued: VALUED,
    whole: (arg) => {
      if (arg === '--color' || arg.startsWith('--color=')) {
        args.color = arg === '--color' ? 'always' : oneOf('--color', arg.slice('--color='.length), COLOR_WHENS);
        return true;
      }
      return setFixFlag(args, arg);
    },
    flag: (name) => setFlag(args, name),
    value: (name, value) => setValue(args, name, value),
    positional: (arg) => void args.files.push(arg),
    tryHelp: '(try --help)',
    suggest: CHECK_OPTIONS,
  });
  if (args.files.filter((f) => f === '-').length > 1) throw new UserError("'-' (stdin) given more than once");
  checkWorkflowArgs(args);
  return args;
}

function setFlag(args: CheckArgs, name: string): boolean {
  if (setStyleFlag(args, name)) return true;
  if (name === '--no-color' || name === '--verbose' || name === '-v') {
    if (name === '--no-color') args.color = 'never';
    else args.verbose = true;
    return true;
  }
  return false;
}

function setValue(args: CheckArgs, name: string, value: string): void {
  switch (name) {
    case '--target':
      args.target = oneOf(name, value, [...TARGETS, 'auto'] as const);
      break;
    case '--tree':
      args.tree = value;
      break;
    case '--format':
      args.format = oneOf(name, value, FORMATS);
      break;
    case '--fail-on':
      args.failOn = oneOf(name, value, SEVERITIES);
      break;
    case '--core':
      args.core.push(value);
      break;
    case '--git':
      args.git = value;
      break;
    case '--max-file-size':
      args.maxFileSize = positiveCount(name, value);
      break;
    case '--parse-timeout':
      args.parseTimeout = positiveCount(name, value);
      break;
    case '--review-timeout':
      args.reviewTimeout = positiveCount(name, value);
      break;
    case '--types':
    case '--ignore': {
      const key = name === '--types' ? 'types' : 'ignore';
      args[key] = [...new Set([...(args[key] ?? []), ...parseRuleList(name, value)])];
      break;
    }
  }
}

