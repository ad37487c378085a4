import { readOptions, type OptionSpec } from '../../src/cli/shared/read-options.js';
import { parseArgs } from '../../src/cli/check/args.js';
import { parseAuditArgs } from '../../src/cli/audit/audit-args.js';
import { parseModelArgs } from '../../src/cli/model/model-args.js';

function read(argv: string[], over: Partial<OptionSpec> = {}) {
  const seen: string[] = [];
  readOptions(argv, {
    valued: new Set(['--format', '-o']),
    flag: (name) => name === '--fix' && (seen.push('flag ' + name), true),
    value: (name, value) => void seen.push(`${name}=${value}`),
    positional: (arg) => void seen.push(`pos ${arg}`),
    tryHelp: '(try --help)',
    ...over,
  });
  return seen;
}

describe('readOptions, the option reader of every command', () => {
  it('reads flags, both spellings of a value, positionals, - and everything after --', () => {
    expect(read(['a', '--format', 'json', '--format=sarif', '-o', 'out', '--fix', '-', '--', '--fix', '-o'])).toEqual([
      'pos a', '--format=json', '--format=sarif', '-o=out', 'flag --fix', 'pos -', 'pos --fix', 'pos -o',
    ]);
  });

  it('refuses unknown options, values on flags and missing or empty values, in one line', () => {
    expect(() => read(['--nope'])).toThrow("unknown option '--nope' (try --help)");
    expect(() => read(['--fix=1'])).toThrow("unknown option '--fix=1' (try --help)");
    expect(() => read(['--format'])).toThrow("option '--format' needs a value");
    expect(() => read(['--format='])).toThrow("option '--format' needs a value");
    expect(() => read(['--', 'x'], { dashDash: false })).toThrow("unknown option '--' (try --help)");
  });

  it('check, audit and model read their options through it, with the same messages', () => {
    for (const parse of [() => parseArgs(['check', '--bogus']), () => parseAuditArgs(['--bogus', 'dir'], 'v5.11'), () => parseModelArgs(['--bogus'])]) {
      expect(parse).toThrow(/^unknown option '--bogus' \(try/);
    }
    expect(() => parseArgs(['check', '--tree='])).toThrow("option '--tree' needs a value");
    expect(() => parseAuditArgs(['dir', '--jobs'], 'v5.11')).toThrow("option '--jobs' needs a value");
    expect(() => parseModelArgs(['--format', 'json', '--format', 'text'])).toThrow("option '--format' given more than once");
    expect(() => parseModelArgs(['x'])).toThrow("unexpected argument 'x' (try: memcg-review model --help)");
    expect(parseAuditArgs(['--format=json', '--', '-odd-dir'], 'v5.11')).toMatchObject({ dir: '-odd-dir', format: 'json' });
  });
});
