/**
 * What a kernel developer sees on a terminal, with the real rules on the demo series: colour as
 * checkpatch and git use it (--color, NO_COLOR, FORCE_COLOR), one summary line per fixed file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { run } from '../../src/cli/run.js';
import { memoryIo } from '../helpers/memory-io.js';
import { build, ROOT, spawnCli } from '../helpers/spawn-cli.js';
import { tempDir } from '../helpers/tree.js';

const DEMO = path.join(ROOT, 'fixtures/demo');
const RED = '\x1b[31m';
const GREEN = '\x1b[32m';
const RESET = '\x1b[0m';

beforeAll(() => build());

describe('colour on the real CLI', () => {
  const args = ['check', '--tree', path.join(DEMO, 'tree'), path.join(DEMO, 'series.mbox')];

  it('is off on a pipe, on with FORCE_COLOR or --color=always, off with NO_COLOR or --color=never', () => {
    const plain = spawnCli(args);
    expect(plain.code).toBe(1);
    expect(plain.out).not.toContain('\x1b[');
    const forced = spawnCli(args, { env: { FORCE_COLOR: '1' } });
    expect(forced.out).toContain(`mm/page_owner_memcg.c:20: ${RED}ERROR:${RESET} page->mem_cgroup is gone since v5.11\n`);
    expect(forced.out).toMatch(new RegExp(`: ${GREEN.replace('[', '\\[')}CHECK:`));
    expect(forced.out).toContain(`  ${GREEN}fix (proven):${RESET} memcg = page_memcg_check(page);`);
    // The colours only add escapes: without them the text is the plain report.
    expect(forced.out.replace(/\x1b\[\d+m/g, '')).toBe(plain.out);
    expect(spawnCli([...args, '--color=always'], { env: { NO_COLOR: '1' } }).out).toBe(forced.out);
    expect(spawnCli(args, { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).out).toBe(plain.out);
    expect(spawnCli([...args, '--color=never'], { env: { FORCE_COLOR: '1' } }).out).toBe(plain.out);
  });

  it('colours the fix lines of --diff and the checkpatch layout', () => {
    const diff = spawnCli([...args, '--diff', '--color=always']);
    expect(diff.out).toContain(`${RED}-\tmemcg = page->mem_cgroup;${RESET}\n`);
    expect(diff.out).toContain(`${GREEN}+\tmemcg = page_memcg_check(page);${RESET}\n`);
    const checkpatch = spawnCli([...args, '--format', 'checkpatch', '--color=always']);
    expect(checkpatch.out).toContain(`${RED}ERROR:${RESET}\x1b[34mMEMCG_FIELD_READ:${RESET} page->mem_cgroup is gone`);
  });
});

describe('--fix output', () => {
  it('prints one summary line per fixed file, not each finding\'s message', async () => {
    const work = tempDir('memcg-look-');
    try {
      fs.cpSync(DEMO, work, { recursive: true });
      const io = memoryIo(work);
      await run(['check', '--fix=assumed', '--tree', 'tree', 'series.mbox'], io);
      const out = io.out.join('');
      const summary = out.slice(0, out.indexOf('\n\n'));
      expect(summary.split('\n').filter((l) => l.startsWith('fixed: '))).toEqual([
        'fixed: [PATCH 1] mm/page_owner_memcg.c: 1 finding (line 20)',
        'fixed: [PATCH 2] mm/lru_balance.c: 2 findings (lines 13, 17)',
        'fixed: [PATCH 3] drivers/misc/gpu_pool.c: 1 finding (line 31)',
      ]);
      expect(summary).not.toContain('is gone since');
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
});
