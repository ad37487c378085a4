import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build, spawnCli } from '../helpers/spawn-cli.js';
import { CLEAN_COMMIT, DOC_COMMIT, kernelRepo, READ_COMMIT, runGit, STORE_COMMIT } from '../helpers/kernel-repo.js';

beforeAll(build, 120_000);

/**
 * The acceptance of the sendemail-validate hook with a real `git send-email --validate --dry-run`
 * (Debian's git-email, which .ci/run installs): the hook that `memcg-review install-hook` wrote
 * refuses a series with an open-coded access and lets a clean one through.
 */
function sendSeries(dir: string, range: string) {
  runGit(dir, ['format-patch', '-q', '-o', 'outgoing', '--cover-letter', range]);
  const cover = path.join(dir, 'outgoing/0000-cover-letter.patch');
  fs.writeFileSync(cover, fs.readFileSync(cover, 'utf8').replace('*** SUBJECT HERE ***', 'node counters').replace('*** BLURB HERE ***', 'Counters per node.'));
  const files = fs.readdirSync(path.join(dir, 'outgoing')).sort().map((f) => path.join('outgoing', f));
  const r = spawnSync('git', ['send-email', '--dry-run', '--validate', '--confirm=never', '--suppress-cc=all', '--to=maintainer@example.org', '--from=A. Developer <dev@example.org>', ...files], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, HOME: dir, GIT_CONFIG_NOSYSTEM: '1', NODE_OPTIONS: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('git send-email --validate with the installed hook', () => {
  it('blocks a series with an open-coded memcg access and sends nothing', () => {
    const repo = kernelRepo([READ_COMMIT, DOC_COMMIT, STORE_COMMIT]);
    try {
      expect(spawnCli(['install-hook'], { cwd: repo.dir }).code).toBe(0);
      const r = sendSeries(repo.dir, `${repo.base}..HEAD`);
      expect(r.code).not.toBe(0);
      expect(r.err).toMatch(/outgoing\/0001-mm-node_stats-count-charged-pages-per-node\.patch: rejected by sendemail-validate hook/);
      expect(r.err).toContain('no patches were sent');
      // git runs hooks with their output on stderr.
      expect(r.err).toMatch(/mm\/node_stats\.c:16: ERROR: /);
      expect(r.out).not.toContain('Dry-OK');
    } finally {
      fs.rmSync(repo.dir, { recursive: true, force: true });
    }
  });

  it('lets a clean series through, cover letter included', () => {
    const repo = kernelRepo([CLEAN_COMMIT, DOC_COMMIT]);
    try {
      expect(spawnCli(['install-hook'], { cwd: repo.dir }).code).toBe(0);
      const r = sendSeries(repo.dir, `${repo.base}..HEAD`);
      expect(r.err).not.toContain('rejected');
      expect(r.code).toBe(0);
      expect(r.out.match(/^Dry-OK\. /gm)).toHaveLength(3);
    } finally {
      fs.rmSync(repo.dir, { recursive: true, force: true });
    }
  });
});
