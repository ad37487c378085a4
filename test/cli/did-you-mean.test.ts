import { closest } from '../../src/cli/shared/did-you-mean.js';
import { memoryIo } from '../helpers/memory-io.js';
import { run } from '../../src/cli/run.js';
import { fakeReviewer } from '../helpers/fake-reviewer.js';

async function cli(argv: string[]) {
  const io = memoryIo(process.cwd(), null);
  const code = await run(argv, io, { createReviewer: async () => fakeReviewer() });
  return { code, out: io.out.join(''), err: io.err.join('') };
}

describe('did you mean', () => {
  it('suggests the closest word within one edit for short words, two for longer ones', () => {
    expect(closest('chek', ['check', 'audit', 'model'])).toBe('check');
    expect(closest('--tagret', ['--target', '--tree'])).toBe('--target');
    expect(closest('--fixx', ['--fix', '--diff'])).toBe('--fix');
    expect(closest('zzzz', ['check', 'audit'])).toBeUndefined();
    expect(closest('--frobnicate', ['--format', '--fix'])).toBeUndefined();
  });

  it.each([
    [['chek', 'x.patch'], "memcg-review: unknown command 'chek' (did you mean 'check'?)\n"],
    [['audti', 'linux'], "memcg-review: unknown command 'audti' (did you mean 'audit'?)\n"],
    [['frobnicate'], "memcg-review: unknown command 'frobnicate' (see memcg-review --help)\n"],
    [['--hepl'], "memcg-review: unknown option '--hepl' (did you mean '--help'?)\n"],
    [['check', '--tagret', 'v5.11', 'x.patch'], "memcg-review: unknown option '--tagret' (did you mean '--target'?)\n"],
    [['check', '--colour=never', 'x.patch'], "memcg-review: unknown option '--colour=never' (did you mean '--color'?)\n"],
    [['audit', 'linux', '--exclde', 'x'], "memcg-review: unknown option '--exclde' (did you mean '--exclude'?)\n"],
    [['model', '--explian', 'page_memcg'], "memcg-review: unknown option '--explian' (did you mean '--explain'?)\n"],
    [['model', 'verfy', '--tree', 'x'], "memcg-review: unexpected argument 'verfy' (did you mean 'verify'?)\n"],
    [['install-hook', '--froce'], "memcg-review: unknown option '--froce' for install-hook (did you mean '--force'?)\n"],
  ])('%j: one line, exit 2', async (argv, err) => {
    expect(await cli(argv)).toEqual({ code: 2, out: '', err });
  });
});

describe('top-level help', () => {
  it('lists every command with one line each, and check --help keeps check\'s options', async () => {
    const top = await cli(['--help']);
    expect(top.code).toBe(0);
    for (const command of ['check', 'audit', 'model', 'model verify', 'install-hook']) {
      expect(top.out).toMatch(new RegExp(`^  ${command} +\\S.*$`, 'm'));
    }
    expect(top.out).toContain('memcg-review COMMAND --help');
    expect(top.out).not.toContain('--max-file-size');
    const check = await cli(['check', '--help']);
    expect(check.out).toContain('Usage: memcg-review check');
    expect(check.out).toContain('--max-file-size');
  });
});
