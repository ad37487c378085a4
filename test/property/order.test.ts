import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { run } from '../../src/cli/run.js';
import { privateBuild } from '../app/private-build.js';
import { memoryIo } from '../helpers/memory-io.js';
import { ROOT } from '../helpers/spawn-cli.js';
import { tempDir } from '../helpers/tree.js';
import { cText } from './c-arbitrary.js';
import { useFixedSeed } from './fixed-seed.js';

useFixedSeed();

/** The report does not depend on the order files come in, nor (for the audit) on the number of jobs. */
const HANG = 120_000;
const DIRS = ['mm', 'mm/damon', 'drivers/misc', 'fs/proc', 'include/linux'];
const tree = fc.uniqueArray(fc.record({ dir: fc.constantFrom(...DIRS), name: fc.constantFrom('a', 'b', 'owner', 'pool', 'stat'), ext: fc.constantFrom('.c', '.h'), text: cText }), {
  minLength: 2,
  maxLength: 8,
  selector: (f) => `${f.dir}/${f.name}${f.ext}`,
}).map((files) => files.map((f) => ({ path: `${f.dir}/${f.name}${f.ext}`, text: f.text })));

/**
 * How many generated trees gave findings and fixes: an order property over reports that are all
 * empty proves nothing, so a share of the trees must be found and fixed.
 */
function shareCounter() {
  const c = { inputs: 0, found: 0, fixed: 0 };
  return {
    count(json: string) {
      const findings = (JSON.parse(json) as { findings: { fix?: unknown }[] }).findings;
      c.inputs++;
      if (findings.length > 0) c.found++;
      if (findings.some((f) => f.fix)) c.fixed++;
    },
    expectShare() {
      expect(c.inputs).toBeGreaterThan(0);
      expect({ ...c, enoughFound: c.found / c.inputs >= 0.5, enoughFixed: c.fixed / c.inputs >= 0.33 }).toMatchObject({ enoughFound: true, enoughFixed: true });
    },
  };
}

function writeTree(files: { path: string; text: string }[]): string {
  const dir = tempDir('memcg-order-');
  for (const f of files) {
    fs.mkdirSync(path.join(dir, 'tree', path.dirname(f.path)), { recursive: true });
    fs.writeFileSync(path.join(dir, 'tree', f.path), f.text);
  }
  return dir;
}

describe('check', () => {
  it('reports the same whatever the order of its C files', async () => {
    const share = shareCounter();
    await fc.assert(fc.asyncProperty(tree, fc.func(fc.integer()), async (files, rank) => {
      const dir = writeTree(files);
      try {
        const report = async (order: string[]) => {
          const io = memoryIo(dir);
          const code = await run(['check', '--tree', 'tree', '--format', 'json', ...order], io);
          return { code, out: io.out.join(''), err: io.err.join('') };
        };
        const given = files.map((f) => f.path);
        const shuffled = [...given].sort((a, b) => rank(a) - rank(b) || b.localeCompare(a));
        const inOrder = await report(given);
        share.count(inOrder.out);
        expect(await report(shuffled)).toEqual(inOrder);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }), { numRuns: Number(process.env.RUNS ?? 10) });
    share.expectShare();
  }, HANG);
});

describe('audit', () => {
  let built: ReturnType<typeof privateBuild>;
  beforeAll(() => {
    built = privateBuild();
  }, HANG);
  afterAll(() => built?.remove());

  it('reports the same with 1 job and with 2, on generated trees', () => {
    const main = path.join(ROOT, path.dirname(path.dirname(built.entry)), 'cli/main.js');
    const audit = (dir: string, jobs: string) => {
      const r = spawnSync(process.execPath, [main, 'audit', 'tree', '--format', 'json', '--jobs', jobs], { cwd: dir, encoding: 'utf8', timeout: HANG / 4 });
      return { code: r.status, out: r.stdout, err: r.stderr };
    };
    const share = shareCounter();
    fc.assert(fc.property(tree, (files) => {
      const dir = writeTree(files);
      try {
        const one = audit(dir, '1');
        share.count(one.out);
        expect(one.err).toBe('');
        expect([0, 1]).toContain(one.code);
        expect(audit(dir, '2')).toEqual(one);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }), { numRuns: Number(process.env.AUDIT_RUNS ?? 4) });
    share.expectShare();
  }, HANG);
});
