import { generationOf } from '../../src/model/generation.js';
import { run, type Deps } from '../../src/cli/run.js';
import { memoryIo } from '../helpers/memory-io.js';
import { ROOT } from '../helpers/spawn-cli.js';

const deps: Deps = { createReviewer: async () => { throw new Error('model does not review'); } };

async function cli(argv: string[]) {
  const io = memoryIo(ROOT);
  const code = await run(argv, io, deps);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

describe('memcg-review model', () => {
  it('prints v5.11 by default, as text', async () => {
    const r = await cli(['model']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^memcg model: v5\.11\n/);
    for (const helper of Object.keys(generationOf('v5.11').helpers)) expect(r.out).toContain(`\n  ${helper} `);
  });

  it.each([
    ['markdown', /^## memcg model: v6\.1\n/],
    ['json', /^\{\n {2}"target": "v6\.1",/],
  ])('prints --format %s', async (format, start) => {
    const r = await cli(['model', '--target', 'v6.1', '--format', format]);
    expect(r).toEqual({ code: 0, out: expect.stringMatching(start), err: '' });
  });

  it('reads the generation from the tree with --tree (auto)', async () => {
    expect((await cli(['model', '--tree', 'fixtures/verify/folio-6.1'])).out).toMatch(/^memcg model: v6\.1\n/);
    expect((await cli(['model', '--target=auto', '--tree=fixtures/verify/page-5.15'])).out).toMatch(/^memcg model: v5\.15\n/);
  });

  it('explains a helper in plain words', async () => {
    const r = await cli(['model', '--explain', 'set_page_objcgs', '--target', 'v5.15']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^set_page_objcgs \(v5\.15\) takes a struct page \*\.\nIn short: /);
  });

  it('prints its own help', async () => {
    const r = await cli(['model', 'verify', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: memcg-review model \[--target GEN\|auto\]/);
    expect(r.out).toMatch(/Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 .*\n {2}3 /);
  });

  it.each([
    [['model', '--target', 'v9'], "memcg-review: bad value 'v9' for --target (one of: legacy, rfc-v1, v5.11, v5.15, v6.1, v6.18, auto)\n"],
    [['model', '--format', 'html'], "memcg-review: bad value 'html' for --format (one of: text, markdown, json)\n"],
    [['model', '--nope'], "memcg-review: unknown option '--nope' (try: memcg-review model --help)\n"],
    [['model', 'show'], "memcg-review: unexpected argument 'show' (try: memcg-review model --help)\n"],
    [['model', '--target'], "memcg-review: option '--target' needs a value\n"],
    [['model', '--target', 'v6.1', '--target', 'v5.11'], "memcg-review: option '--target' given more than once\n"],
    [['model', '--target', 'auto'], 'memcg-review: --target auto needs --tree DIR\n'],
    [['model', '--tree', 'nowhere'], "memcg-review: cannot read tree 'nowhere': no such directory\n"],
    [['model', '--tree', 'fixtures/cli/tree'], "memcg-review: cannot tell the API generation of tree 'fixtures/cli/tree': no include/linux/memcontrol.h or include/linux/mm_types.h in the tree\n"],
    [['model', '--explain', 'page_objcgs', '--target', 'v6.1'], 'memcg-review: page_objcgs is not a helper of v6.1; it is one of v5.11, v5.15 (try --target v5.15)\n'],
    [['model', '--explain', 'page_memcg', '--format', 'json'], 'memcg-review: --explain prints plain text: drop --format\n'],
    [['model', 'verify'], 'memcg-review: model verify needs --tree DIR (a kernel tree with include/linux/memcontrol.h)\n'],
    [['model', 'verify', '--tree', '.', '--format', 'markdown'], "memcg-review: bad value 'markdown' for --format (model verify prints text or json)\n"],
    [['model', 'verify', '--tree', '.', '--explain', 'page_memcg'], 'memcg-review: --explain does not go with verify\n'],
    [['model', 'verify', '--tree', 'fixtures/cli/tree'], "memcg-review: no include/linux/memcontrol.h in tree 'fixtures/cli/tree'\n"],
  ])('exits 2 with one line for %j', async (argv, err) => {
    expect(await cli(argv)).toEqual({ code: 2, out: '', err });
  });

  it('names an unknown helper with the helpers the generation has', async () => {
    const r = await cli(['model', '--explain', 'nope', '--target', 'v6.18']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^memcg-review: unknown helper 'nope' \(helpers of v6\.18: folio_memcg, .*\)\n$/);
  });
});
