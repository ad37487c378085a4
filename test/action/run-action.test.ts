import fs from 'node:fs';
import path from 'node:path';
import { runAction, type CliRun } from '../../src/cli/hook/action.js';
import { tempDir } from '../helpers/tree.js';

const finding = { ruleId: 'memcg-field-read', severity: 'error', file: 'mm/a.c', line: 3, column: 2, endLine: 3, endColumn: 9, message: 'm', confidence: 'high' };

let dir: string;
beforeEach(() => {
  dir = tempDir('memcg-action-');
  fs.writeFileSync(path.join(dir, 'event.json'), JSON.stringify({ pull_request: { base: { sha: 'b0' }, head: { sha: 'h1' } } }));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const env = (over: Record<string, string> = {}) => ({
  GITHUB_WORKSPACE: dir,
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_EVENT_PATH: path.join(dir, 'event.json'),
  GITHUB_SHA: 'merge1',
  GITHUB_OUTPUT: path.join(dir, 'output'),
  ...over,
});

/** A stand-in for the CLI: answers by command, records the calls, writes the SARIF file audit would. */
function fakeCli(answers: Record<string, CliRun>) {
  const calls: string[][] = [];
  const cli = (argv: readonly string[], cwd: string): CliRun => {
    calls.push([...argv]);
    const key = argv[1] === '--help' ? `${argv[0]} --help` : argv[0]!;
    const answer = answers[key] ?? { code: 2, out: '', err: `memcg-review: unknown command '${argv[0]}'\n` };
    if (argv[0] === 'audit' && answer.code !== null && answer.code <= 1 && argv.includes('--output')) {
      fs.writeFileSync(path.join(cwd, argv[argv.indexOf('--output') + 1]!), '{"version":"2.1.0"}');
    }
    return answer;
  };
  return { cli, calls };
}

function action(e: Record<string, string | undefined>, cli: ReturnType<typeof fakeCli>['cli']) {
  const lines: string[] = [];
  const code = runAction(e, (l) => void lines.push(l), cli);
  const output = fs.existsSync(path.join(dir, 'output')) ? fs.readFileSync(path.join(dir, 'output'), 'utf8') : '';
  return { code, lines, output };
}

describe('runAction (the review step of action.yml)', () => {
  it('checks the pull request\'s commits, annotates the findings, audits to SARIF, and fails on the check\'s findings', () => {
    const { cli, calls } = fakeCli({
      check: { code: 1, out: JSON.stringify({ findings: [finding] }), err: '' },
      'audit --help': { code: 0, out: 'Usage', err: '' },
      audit: { code: 1, out: '', err: '' },
    });
    const r = action(env(), cli);
    expect(calls).toEqual([
      ['audit', '--help'],
      ['check', '--git', 'b0..h1', '--target', 'auto', '--fail-on', 'error', '--format', 'json'],
      ['audit', '.', '--target', 'auto', '--fail-on', 'error', '--format', 'sarif', '--output', 'memcg-review.sarif'],
    ]);
    expect(r.lines).toContain('::error file=mm/a.c,line=3,endLine=3,col=2,endColumn=9,title=memcg-review memcg-field-read::m');
    expect(r.output).toBe('sarif-file=memcg-review.sarif\nfindings=1\nresult=findings\n');
    expect(r.code).toBe(1);
  });

  it('passes a clean check even when the audit finds sites elsewhere in the tree (mode both)', () => {
    const { cli } = fakeCli({ check: { code: 0, out: JSON.stringify({ findings: [] }), err: '' }, 'audit --help': { code: 0, out: '', err: '' }, audit: { code: 1, out: '', err: '' } });
    const r = action(env(), cli);
    expect(r.output).toBe('sarif-file=memcg-review.sarif\nfindings=0\nresult=clean\n');
    expect(r.code).toBe(0);
  });

  it('without an audit command: a notice, no SARIF, the check still runs', () => {
    const { cli, calls } = fakeCli({ check: { code: 0, out: JSON.stringify({ findings: [] }), err: '' } });
    const r = action(env(), cli);
    expect(r.lines).toContain('::notice::memcg-review: this version has no audit command: no SARIF for code scanning');
    expect(calls.map((c) => c[0])).toEqual(['audit', 'check']);
    expect(r.output).toBe('sarif-file=\nfindings=0\nresult=clean\n');
  });

  it('reports a failed run as an error annotation, with a hint when the range is not in the clone', () => {
    const { cli } = fakeCli({ check: { code: 2, out: '', err: "memcg-review: --git: 'b0..h1' is not a range git knows (bad revision 'b0..h1')\n" } });
    const r = action(env({ MEMCG_REVIEW_MODE: 'check' }), cli);
    expect(r.lines).toContain(
      "::error::memcg-review check failed (exit 2): --git: 'b0..h1' is not a range git knows (bad revision 'b0..h1') (check out with fetch-depth: 0 so that both ends of the range are there)",
    );
    expect(r.output).toBe('sarif-file=\nfindings=0\nresult=error\n');
    expect(r.code).toBe(2);
  });

  it('refuses a bad input with one error annotation and runs nothing', () => {
    const { cli, calls } = fakeCli({});
    const r = action(env({ MEMCG_REVIEW_FAIL_ON: 'never' }), cli);
    expect(r.lines).toEqual(["::error::memcg-review: bad value 'never' for the input fail-on (one of: error, warning, info)"]);
    expect(calls).toEqual([]);
    expect(r.code).toBe(2);
  });
});
