import { parseAuditArgs } from '../../../src/cli/audit/audit-args.js';

const parse = (...argv: string[]) => parseAuditArgs(argv, 'v5.11');

describe('parseAuditArgs', () => {
  test('defaults', () => {
    expect(parse('linux')).toEqual({ kind: 'audit', dir: 'linux', target: 'v5.11', format: 'text', mode: 'report', fixLevel: 'proven', include: [], exclude: [], failOn: 'warning', core: [], prefilter: 'auto' });
  });

  test('every option, in both spellings', () => {
    expect(parse('--target', 'auto', '--format=sarif', '-o', 'r.sarif', '--jobs', '3', '--include', 'mm/**', '--exclude=drivers/**', '--exclude', 'tools', '--fail-on', 'error', '--core', 'mm/slab_common.c', 'linux')).toEqual({
      kind: 'audit', dir: 'linux', target: 'auto', format: 'sarif', output: 'r.sarif', mode: 'report', fixLevel: 'proven', jobs: 3,
      include: ['mm/**'], exclude: ['drivers/**', 'tools'], failOn: 'error', core: ['mm/slab_common.c'], prefilter: 'auto',
    });
    expect(parse('linux', '--prefilter', 'js')).toMatchObject({ prefilter: 'js' });
    expect(parse('linux', '--prefilter=grep')).toMatchObject({ prefilter: 'grep' });
    expect(parse('linux', '--fix', '-j', '1')).toMatchObject({ mode: 'fix', jobs: 1 });
    expect(parse('linux', '--max-file-size', '4096', '--parse-timeout=250')).toMatchObject({ maxBytes: 4096, maxParseMillis: 250 });
    expect(parse('--diff', '--', '--odd-name')).toMatchObject({ mode: 'diff', dir: '--odd-name' });
    expect(parse('linux', '--fix=assumed')).toMatchObject({ mode: 'fix', fixLevel: 'assumed' });
    expect(parse('linux', '--diff=assumed')).toMatchObject({ mode: 'diff', fixLevel: 'assumed' });
    expect(parse('linux', '--diff')).toMatchObject({ mode: 'diff', fixLevel: 'proven' });
  });

  test('help', () => {
    expect(parse('--help')).toEqual({ kind: 'help' });
    expect(parse('linux', '-h')).toEqual({ kind: 'help' });
  });

  test.each([
    [[], 'no tree given (usage: memcg-review audit DIR [options], see --help)'],
    [['a', 'b'], 'one tree at a time (got 2: a, b)'],
    [['a', '--frob'], "unknown option '--frob' (try: memcg-review audit --help)"],
    [['a', '--fix=yes'], "--fix takes no value but 'assumed' (--fix=assumed also applies assumed fixes)"],
    [['a', '--diff=assumed', '--fix'], '--fix and --diff cannot be combined'],
    [['a', '--format', 'pdf'], "bad value 'pdf' for --format (one of: text, json, sarif, markdown, html)"],
    [['a', '--target', 'v9'], "bad value 'v9' for --target (one of: legacy, rfc-v1, v5.11, v5.15, v6.1, v6.18, auto)"],
    [['a', '--jobs', '0'], "bad value '0' for --jobs (a whole number from 1 to 64)"],
    [['a', '--jobs', 'two'], "bad value 'two' for --jobs (a whole number from 1 to 64)"],
    [['a', '--jobs', '65'], "bad value '65' for --jobs (a whole number from 1 to 64)"],
    [['a', '--output'], "option '--output' needs a value"],
    [['a', '--max-file-size', '0'], "bad value '0' for --max-file-size (a whole number from 1)"],
    [['a', '--parse-timeout', '1.5'], "bad value '1.5' for --parse-timeout (a whole number from 1)"],
    [['a', '--include='], "option '--include' needs a value"],
    [['a', '--fix', '--diff'], '--fix and --diff cannot be combined'],
    [['a', '--prefilter', 'rg'], "bad value 'rg' for --prefilter (one of: auto, grep, js)"],
    [['a', '--diff', '--format', 'json'], '--diff prints a patch; it takes no --format'],
  ])('%j is refused: %s', (argv, message) => {
    expect(() => parse(...argv)).toThrow(message);
  });
});

describe('audit --measure', () => {
  it('is off unless given (the audited tree is not trusted), on when given', () => {
    expect(parseAuditArgs(['linux'], 'v5.11')).not.toHaveProperty('measure');
    expect(parseAuditArgs(['linux', '--measure'], 'v5.11')).toMatchObject({ measure: true });
    expect(() => parseAuditArgs(['linux', '--measure=yes'], 'v5.11')).toThrow("unknown option '--measure=yes'");
  });
});
