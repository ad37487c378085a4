import fs from 'node:fs';
import path from 'node:path';
import { run } from '../../src/cli/run.js';
import { createReviewer } from '../../src/review/reviewer.js';
import { memoryIo } from '../helpers/memory-io.js';
import { ROOT } from '../helpers/spawn-cli.js';
import { tempDir } from '../helpers/tree.js';
import { copyAuditTree } from './audit/audit-fixture.js';

const SERIES = fs.readFileSync(path.join(ROOT, 'fixtures/demo/series.mbox'), 'utf8');
const COVER = SERIES.slice(0, SERIES.indexOf('\nFrom ', 1) + 1);

let work: string;
beforeEach(() => {
  work = tempDir('memcg-errors-');
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

async function cli(argv: string[], stdin: string | null = null) {
  const io = memoryIo(work, stdin);
  const code = await run(argv, io, { createReviewer });
  return { code, out: io.out.join(''), err: io.err.join('') };
}

describe('clear one-line errors, exit 2', () => {
  it('a cover letter with no patch, the same from a file and from stdin', async () => {
    expect(COVER).toContain('Subject: [PATCH 0/3]');
    expect(COVER).not.toContain('+++ ');
    fs.writeFileSync(path.join(work, '0000-cover-letter.patch'), COVER);
    expect(await cli(['check', '0000-cover-letter.patch'])).toEqual({ code: 2, out: '', err: "memcg-review: '0000-cover-letter.patch' holds a cover letter with no patch: nothing to check (give the patches too)\n" });
    expect(await cli(['check', '-'], COVER)).toEqual({ code: 2, out: '', err: 'memcg-review: stdin holds a cover letter with no patch: nothing to check (give the patches too)\n' });
    // With its patches, the cover letter is fine.
    fs.writeFileSync(path.join(work, 'series.mbox'), SERIES);
    expect((await cli(['check', '0000-cover-letter.patch', 'series.mbox'])).code).toBe(1);
  });

  it('an --include glob that matches nothing', async () => {
    const tree = copyAuditTree();
    try {
      const io = memoryIo(path.dirname(tree));
      const code = await run(['audit', '--jobs', '1', '--include', 'mmm/**', path.basename(tree)], io, { createReviewer });
      expect({ code, err: io.err.join(''), out: io.out.join('') }).toEqual({ code: 2, out: '', err: `memcg-review: --include 'mmm/**' matches no C file in '${path.basename(tree)}'\n` });
      const ok = memoryIo(path.dirname(tree));
      expect(await run(['audit', '--jobs', '1', '--include', 'mm/**', path.basename(tree)], ok, { createReviewer })).toBe(1);
    } finally {
      fs.rmSync(tree, { recursive: true, force: true });
    }
  });

  it('an --output folder that does not exist, before any work', async () => {
    const tree = copyAuditTree();
    try {
      const io = memoryIo(path.dirname(tree));
      const code = await run(['audit', '--jobs', '1', '--format', 'html', '--output', '/no/dir/x.html', path.basename(tree)], io, { createReviewer });
      expect({ code, err: io.err.join('') }).toEqual({ code: 2, err: "memcg-review: cannot write the report to '/no/dir/x.html': folder '/no/dir' does not exist\n" });
    } finally {
      fs.rmSync(tree, { recursive: true, force: true });
    }
  });
});
