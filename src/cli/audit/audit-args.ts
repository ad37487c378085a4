import type { AuditMode } from '../../audit/audit-file.js';
import { TARGETS, type FixLevel, type Severity, type Target } from '../../types.js';
import { setFixFlag } from '../shared/fix-flag.js';
import { UserError } from '../shared/user-error.js';
import { oneOf } from '../shared/one-of.js';
import { positiveCount } from '../shared/positive-count.js';
import { readOptions } from '../shared/read-options.js';

export const AUDIT_FORMATS = ['text', 'json', 'sarif', 'markdown', 'html'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];
export const PREFILTERS = ['auto', 'grep', 'js'] as const;
export type PrefilterChoice = (typeof PREFILTERS)[number];

export interface AuditArgs {
  kind: 'audit';
  dir: string;
  /** A generation, or 'auto' to read it from the tree's headers. */
  target: Target | 'auto';
  format: AuditFormat;
  output?: string;
  mode: AuditMode;
  /** Which fixes --fix and --diff apply: proven ones, or assumed ones too (--fix=assumed, --diff=assumed). */
  fixLevel: FixLevel;
  /** Worker threads; undefined for one per core. */
  jobs?: number;
  include: string[];
  exclude: string[];
  failOn: Severity;
  core: string[];
  /** --baseline DIR: the upstream tree; findings on code identical there are `upstream`, not failing. */
  baseline?: string;
  /** --max-file-size: characters over which a file is not reviewed (a note); the reviewer's default when absent. */
  maxBytes?: number;
  /** --parse-timeout: milliseconds after which a parse is given up (a note); the reviewer's default when absent. */
  maxParseMillis?: number;
  /** --review-timeout: milliseconds after which a file's review is given up (a note). */
  maxReviewMillis?: number;
  /** --prefilter: who searches the files for the relevant literals (auto: grep when it runs, else JavaScript). */
  prefilter: PrefilterChoice;
  /** --measure: compile and run the tree's own helpers (cc) and validate fixes by what they do. */
  measure?: true;
}

export type AuditCommand = { kind: 'help' } | AuditArgs;

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const VALUED = new Set(['--target', '--format', '--output', '-o', '--jobs', '-j', '--include', '--exclude', '--fail-on', '--core', '--baseline', '--max-file-size', '--parse-timeout', '--review-timeout', '--prefilter']);
export const MAX_JOBS = 64;

/** Parses the arguments after `audit`; throws UserError on bad usage. */
export function parseAuditArgs(argv: readonly string[], defaultTarget: Target): AuditCommand {
  if (argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };
  const args: Omit<AuditArgs, 'dir'> & { dir?: string } = {
    kind: 'audit', target: defaultTarget, format: 'text', mode: 'report', fixLevel: 'proven', include: [], exclude: [], failOn: 'warning', core: [], prefilter: 'auto',
  };
  const dirs: string[] = [];
  readOptions(argv, {
    valued: VALUED,
    whole: (arg) => setFixFlag(args, arg),
    flag: (name) => (name === '--measure' ? (args.measure = true) : false),
    value: (name, value) => setValue(args, name, value),
    positional: (arg) => void dirs.push(arg),
    tryHelp: '(try: memcg-review audit --help)',
    suggest: ['--fix', '--diff', '--fix=assumed', '--diff=assumed', '--measure', '--help'],
  });
  if (dirs.length === 0) throw new UserError('no tree given (usage: memcg-review audit DIR [options], see --help)');
  if (dirs.length > 1) throw new UserError(`one tree at a time (got ${dirs.length}: ${dirs.join(', ')})`);
  if (args.mode === 'diff' && args.format !== 'text') throw new UserError('--diff prints a patch; it takes no --format');
  return { ...args, dir: dirs[0]! };
}

function setValue(args: Omit<AuditArgs, 'dir'>, name: string, value: string): void {
  switch (name) {
    case '--target':
      args.target = value === 'auto' ? 'auto' : oneOf(name, value, TARGETS, ['auto']);
      break;
    case '--format':
      args.format = oneOf(name, value, AUDIT_FORMATS);
      break;
    case '--output':
    case '-o':
      args.output = value;
      break;
    case '--jobs':
    case '-j':
      if (!/^[1-9][0-9]*$/.test(value) || Number(value) > MAX_JOBS) throw new UserError(`bad value '${value}' for --jobs (a whole number from 1 to ${MAX_JOBS})`);
      args.jobs = Number(value);
      break;
    case '--include':
      args.include.push(value);
      break;
    case '--exclude':
      args.exclude.push(value);
      break;
    case '--fail-on':
      args.failOn = oneOf(name, value, SEVERITIES);
      break;
    case '--core':
      args.core.push(value);
      break;
    case '--baseline':
      args.baseline = value;
      break;
    case '--max-file-size':
      args.maxBytes = positiveCount(name, value);
      break;
    case '--parse-timeout':
      args.maxParseMillis = positiveCount(name, value);
      break;
    case '--review-timeout':
      args.maxReviewMillis = positiveCount(name, value);
      break;
    case '--prefilter':
      args.prefilter = oneOf(name, value, PREFILTERS);
      break;
  }
}
