import { TARGETS, type Target } from '../../types.js';
import { UserError } from '../shared/user-error.js';
import { oneOf } from '../shared/one-of.js';
import { readOptions } from '../shared/read-options.js';
import { hint } from '../shared/did-you-mean.js';

export type ModelFormat = 'text' | 'markdown' | 'json';
export type TargetChoice = Target | 'auto';

export type ModelArgs =
  | { kind: 'help' }
  | { kind: 'show'; target?: TargetChoice; tree?: string; format: ModelFormat; explain?: string }
  | { kind: 'verify'; target?: TargetChoice; tree: string; format: 'text' | 'json' };

const VALUED = new Set(['--target', '--tree', '--format', '--explain']);
const FORMATS: readonly ModelFormat[] = ['text', 'markdown', 'json'];

/** Parses the arguments after `model`; throws UserError on bad usage. */
export function parseModelArgs(argv: readonly string[]): ModelArgs {
  if (argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };
  const verify = argv[0] === 'verify';
  const values = new Map<string, string>();
  readOptions(verify ? argv.slice(1) : argv, {
    valued: VALUED,
    flag: () => false,
    value: (name, value) => {
      if (values.has(name)) throw new UserError(`option '${name}' given more than once`);
      values.set(name, value);
    },
    positional: (arg) => {
      if (arg === '-') throw new UserError(`unknown option '${arg}' (try: memcg-review model --help)`);
      throw new UserError(`unexpected argument '${arg}' (${hint(arg, !verify && argv[0] === arg ? ['verify'] : [], 'try: memcg-review model --help')})`);
    },
    tryHelp: '(try: memcg-review model --help)',
    suggest: ['--help'],
    dashDash: false,
  });
  const target = values.has('--target') ? oneOf('--target', values.get('--target')!, [...TARGETS, 'auto'] as const) : undefined;
  const tree = values.get('--tree');
  const format = oneOf('--format', values.get('--format') ?? 'text', FORMATS);
  if (!verify) return { kind: 'show', target, tree, format, explain: explainOf(values, format) };
  if (values.has('--explain')) throw new UserError('--explain does not go with verify');
  if (!tree) throw new UserError('model verify needs --tree DIR (a kernel tree with include/linux/memcontrol.h)');
  if (format === 'markdown') throw new UserError("bad value 'markdown' for --format (model verify prints text or json)");
  return { kind: 'verify', target, tree, format };
}

function explainOf(values: Map<string, string>, format: ModelFormat): string | undefined {
  const helper = values.get('--explain');
  if (helper !== undefined && values.has('--format') && format !== 'text') throw new UserError('--explain prints plain text: drop --format');
  return helper;
}

