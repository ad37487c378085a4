import { parseArgs } from '../../src/cli/check/args.js';
import { UserError } from '../../src/cli/shared/user-error.js';

const usage = (argv: string[]) => {
  try {
    parseArgs(argv);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error('no error');
};

describe('parseArgs', () => {
  it('has defaults', () => {
    expect(parseArgs(['check', 'a.patch'])).toEqual({
      kind: 'check', target: 'v5.11', format: 'text', mode: 'report', fixLevel: 'proven', failOn: 'warning', core: [], files: ['a.patch'], color: 'auto', verbose: false,
    });
  });

  it('reads every option, with a space or =', () => {
    expect(parseArgs(['check', '--target', 'v6.1', '--tree=linux', '--format', 'json', '--diff', '--fail-on=info', '--core', 'mm/x.c', '--core=mm/y*.c', '-', 'b.c'])).toEqual({
      kind: 'check', target: 'v6.1', tree: 'linux', format: 'json', mode: 'diff', fixLevel: 'proven', failOn: 'info', core: ['mm/x.c', 'mm/y*.c'], files: ['-', 'b.c'], color: 'auto', verbose: false,
    });
    expect(parseArgs(['check', '--fix', '--', '--odd-name.patch']).files).toEqual(['--odd-name.patch']);
  });

  it('answers --help and --version anywhere', () => {
    expect(parseArgs(['check', '--bogus', '--help'])).toEqual({ kind: 'help' });
    expect(parseArgs(['-h'])).toEqual({ kind: 'help' });
    expect(parseArgs(['--version'])).toEqual({ kind: 'version' });
  });

  it('accepts every target of TARGETS', () => {
    for (const t of ['legacy', 'rfc-v1', 'v5.11', 'v5.15', 'v6.1', 'v6.18']) expect(parseArgs(['check', '--target', t])).toMatchObject({ target: t });
  });

  it('rejects bad usage with one-line messages', () => {
    expect(usage([])).toBe('no command given (try: memcg-review check FILE..., or --help)');
    expect(usage(['a.patch'])).toBe("unknown command 'a.patch' (try: memcg-review check a.patch)");
    expect(usage(['--bogus'])).toBe("unknown option '--bogus' (try --help)");
    expect(usage(['check', '--bogus'])).toBe("unknown option '--bogus' (try --help)");
    expect(usage(['check', '--fix=yes'])).toBe("--fix takes no value but 'assumed' (--fix=assumed also applies assumed fixes)");
    expect(usage(['check', '--diff=Assumed'])).toBe("--diff takes no value but 'assumed' (--diff=assumed also applies assumed fixes)");
    expect(usage(['check', '--fix=assumed', '--diff'])).toBe('--fix and --diff cannot be combined');
    expect(usage(['check', '--target'])).toBe("option '--target' needs a value");
    expect(usage(['check', '--target='])).toBe("option '--target' needs a value");
    expect(usage(['check', '--target', 'v9'])).toBe("bad value 'v9' for --target (one of: legacy, rfc-v1, v5.11, v5.15, v6.1, v6.18, auto)");
    expect(usage(['check', '--format', 'xml'])).toBe("bad value 'xml' for --format (one of: text, json, checkpatch, b4)");
    expect(usage(['check', '--fail-on', 'never'])).toBe("bad value 'never' for --fail-on (one of: error, warning, info)");
    expect(usage(['check', '--fix', '--diff'])).toBe('--fix and --diff cannot be combined');
    expect(usage(['check', '-', '-'])).toBe("'-' (stdin) given more than once");
  });
});

describe('--review-timeout', () => {
  it('bounds the rules\' time on one file', async () => {
    const { reviewLimits } = await import('../../src/cli/check/review-limits.js');
    const args = parseArgs(['check', '--review-timeout', '5000', 'a.patch']);
    expect(args).toMatchObject({ reviewTimeout: 5000 });
    expect(reviewLimits(args as never)).toEqual({ maxBytes: 1048576, maxParseMillis: 10000, maxReviewMillis: 5000 });
  });
});

describe('--fix=assumed and --diff=assumed', () => {
  it('apply proven fixes by default, and assumed ones too only when spelled so', () => {
    expect(parseArgs(['check', '--fix', 'a.c'])).toMatchObject({ mode: 'fix', fixLevel: 'proven' });
    expect(parseArgs(['check', '--fix=assumed', 'a.c'])).toMatchObject({ mode: 'fix', fixLevel: 'assumed' });
    expect(parseArgs(['check', '--diff=assumed', 'a.c'])).toMatchObject({ mode: 'diff', fixLevel: 'assumed' });
    expect(parseArgs(['check', '--diff', '--diff=assumed', 'a.c'])).toMatchObject({ mode: 'diff', fixLevel: 'assumed' });
  });
});

describe('parseArgs: colour, verbose, strict', () => {
  it('reads --color[=WHEN], --no-color, --verbose and --strict', () => {
    expect(parseArgs(['check', '--color', 'a.patch'])).toMatchObject({ color: 'always', files: ['a.patch'] });
    expect(parseArgs(['check', '--color=never', 'a.patch'])).toMatchObject({ color: 'never' });
    expect(parseArgs(['check', '--color=auto', 'a.patch'])).toMatchObject({ color: 'auto' });
    expect(parseArgs(['check', '--no-color', 'a.patch'])).toMatchObject({ color: 'never' });
    expect(parseArgs(['check', '--verbose', 'a.patch'])).toMatchObject({ verbose: true });
    expect(parseArgs(['check', '--format', 'checkpatch', '--strict', 'a.patch'])).toMatchObject({ style: { strict: true } });
    expect(usage(['check', '--color=sometimes', 'a.patch'])).toBe("bad value 'sometimes' for --color (one of: auto, always, never)");
    expect(usage(['check', '--strict', 'a.patch'])).toBe('--strict needs --format checkpatch');
  });
});
