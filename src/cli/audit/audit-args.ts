import type { AuditMode } from '../../audit/audit-file.js';
import { TARGETS, type Severity, type Target } from '../../types.js';
import { UserError } from '../shared/user-error.js';
import { oneOf } from '../shared/one-of.js';
import { readOptions } from '../shared/read-options.js';

export const AUDIT_FORMATS = ['text', 'json', 'sarif', 'markdown', 'html'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

export interface AuditArgs {
  kind: 'audit';
  dir: string;
  /** A generation, or 'auto' to read it from the tree's headers. */
  target: Target | 'auto';
  format: AuditFormat;
  output?: string;
  mode: AuditMode;
  /** Worker threads; undefined for one per core. */
  jobs?: number;
  include: string[];
  exclude: string[];
  failOn: Severity;
  core: string[];
  /** --max-file-size: characters over which a file is not reviewed (a note); the reviewer's default when absent. */
  maxBytes?: number;
  /** --parse-timeout: milliseconds after which a parse is given up (a note); the reviewer's default when absent. */
  maxParseMillis?: number;
  /** --review-timeout: milliseconds after which a file's review is given up (a note). */
  maxReviewMillis?: number;
  /** --measure: compile and run the tree's own helpers (cc) and validate fixes by what they do. */
  measure?: true;
}

export type AuditCommand = { kind: 'help' } | AuditArgs;

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const VALUED = new Set(['--target', '--format', '--output', '-o', '--jobs', '-j', '--include', '--exclude', '--fail-on', '--core', '--max-file-size', '--parse-timeout', '--review-timeout']);
export const MAX_JOBS = 64;

/** Parses the arguments after `audit`; throws UserError on bad usage. */
export function parseAuditArgs(argv: readonly string[], defaultTarget: Target): AuditCommand {
  if (argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };
  const args: Omit<AuditArgs, 'dir'> & { dir?: string } = {
    kind: 'audit', target: defaultTarget, format: 'text', mode: 'report', include: [], exclude: [], failOn: 'warning', core: [],
  };
  const dirs: string[] = [];
  readOptions(argv, {
    valued: VALUED,
    flag: (name) => (name === '--measure' ? (args.measure = true) : setMode(args, name)),
    value: (name, value) => setValue(args, name, value),
    positional: (arg) => void dirs.push(arg),
    tryHelp: '(try: memcg-review audit --help)',
  });
  if (dirs.length === 0) throw new UserError('no tree given (usage: memcg-review audit DIR [options], see --help)');
  if (dirs.length > 1) throw new UserError(`one tree at a time (got ${dirs.length}: ${dirs.join(', ')})`);
  if (args.mode === 'diff' && args.format !== 'text') throw new UserError('--diff prints a patch; it takes no --format');
  return { ...args, dir: dirs[0]! };
}

function setMode(args: { mode: AuditMode }, name: string): boolean {
  if (name !== '--fix' && name !== '--diff') return false;
  const mode = name === '--fix' ? 'fix' : 'diff';
  if (args.mode !== 'report' && args.mode !== mode) throw new UserError('--fix and --diff cannot be combined');
  args.mode = mode;
  return true;
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
    case '--max-file-size':
      args.maxBytes = positive(name, value);
      break;
    case '--parse-timeout':
      args.maxParseMillis = positive(name, value);
      break;
    case '--review-timeout':
      args.maxReviewMillis = positive(name, value);
      break;
  }
}

function positive(name: string, value: string): number {
  if (!/^[1-9][0-9]{0,11}$/.test(value)) throw new UserError(`bad value '${value}' for ${name} (a whole number above 0)`);
  return Number(value);
}

