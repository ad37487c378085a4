import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { run } from '../../src/cli/run.js';
import { HOOK_MARKER, sendemailHook, shellQuote } from '../../src/cli/hook/sendemail-hook.js';
import { fakeReviewer } from '../helpers/fake-reviewer.js';
import { kernelRepo, READ_COMMIT, runGit, type KernelRepo } from '../helpers/kernel-repo.js';
import { memoryIo } from '../helpers/memory-io.js';
import { tempDir } from '../helpers/tree.js';

let repo: KernelRepo;
beforeEach(() => {
  repo = kernelRepo([READ_COMMIT]);
});
afterEach(() => fs.rmSync(repo.dir, { recursive: true, force: true }));

async function cli(argv: string[], cwd = repo.dir) {
  const io = memoryIo(cwd);
  const code = await run(argv, io, { createReviewer: async () => fakeReviewer() });
  return { code, out: io.out.join(''), err: io.err.join('') };
}

const hookFile = () => path.join(repo.dir, '.git/hooks/sendemail-validate');

describe('memcg-review install-hook', () => {
  it('installs an executable sendemail-validate hook that runs check on the message file', async () => {
    const r = await cli(['install-hook']);
    expect(r).toEqual({ code: 0, out: `installed: ${hookFile()}\ngit send-email now refuses patches with findings at or above error.\n`, err: '' });
    expect(fs.statSync(hookFile()).mode & 0o777).toBe(0o755);
    const hook = fs.readFileSync(hookFile(), 'utf8');
    expect(hook.startsWith('#!/bin/sh\n')).toBe(true);
    expect(hook).toContain(HOOK_MARKER);
    expect(hook).toContain(`exec ${shellQuote(process.execPath)} `);
    expect(hook).toMatch(/main\.js' check --fail-on error -- "\$1"\n$/);
  });

  it('replaces its own hook, but another hook only with --force', async () => {
    expect((await cli(['install-hook', '--fail-on', 'warning'])).code).toBe(0);
    expect(fs.readFileSync(hookFile(), 'utf8')).toContain('check --fail-on warning --');
    expect((await cli(['install-hook'])).code).toBe(0);
    fs.writeFileSync(hookFile(), '#!/bin/sh\nexec my-own-checks "$1"\n');
    expect(await cli(['install-hook'])).toEqual({
      code: 2,
      out: '',
      err: `memcg-review: a sendemail-validate hook is already installed: ${hookFile()} (use --force to replace it)\n`,
    });
    expect(fs.readFileSync(hookFile(), 'utf8')).toContain('my-own-checks');
    expect((await cli(['install-hook', '--force'])).code).toBe(0);
    expect(fs.readFileSync(hookFile(), 'utf8')).toContain(HOOK_MARKER);
  });

  it('follows core.hooksPath, as git send-email does', async () => {
    runGit(repo.dir, ['config', 'core.hooksPath', 'tools/hooks']);
    expect((await cli(['install-hook'])).code).toBe(0);
    expect(fs.existsSync(path.join(repo.dir, 'tools/hooks/sendemail-validate'))).toBe(true);
    expect(fs.existsSync(hookFile())).toBe(false);
  });

  it('prints the hook with --print and writes nothing', async () => {
    const r = await cli(['install-hook', '--print', '--fail-on=info']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('check --fail-on info -- "$1"');
    expect(fs.existsSync(hookFile())).toBe(false);
  });

  it('answers bad usage and a directory outside git with one line and exit 2', async () => {
    expect(await cli(['install-hook', '--fail-on', 'fatal'])).toEqual({ code: 2, out: '', err: "memcg-review: bad value 'fatal' for --fail-on (one of: error, warning, info)\n" });
    expect(await cli(['install-hook', '--now'])).toEqual({ code: 2, out: '', err: "memcg-review: unknown option '--now' for install-hook (try: memcg-review install-hook --help)\n" });
    const outside = tempDir('memcg-norepo-');
    try {
      expect(await cli(['install-hook'], outside)).toEqual({ code: 2, out: '', err: 'memcg-review: install-hook: not inside a git repository\n' });
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
    expect((await cli(['install-hook', '--help'])).out).toContain('Usage: memcg-review install-hook');
  });
});

describe('the hook script', () => {
  const runHook = (node: string, message: string) => {
    const dir = tempDir('memcg-hook-');
    try {
      fs.writeFileSync(path.join(dir, 'hook'), sendemailHook({ node, main: '/nowhere/main.js', failOn: 'error' }), { mode: 0o755 });
      fs.writeFileSync(path.join(dir, 'message'), message);
      return spawnSync(path.join(dir, 'hook'), [path.join(dir, 'message')]).status;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  const patch = execFileSync('git', ['format-patch', '-1', '--stdout', 'HEAD'], { cwd: kernelRepoDir(), encoding: 'utf8' });

  it('lets a message without a diff through without running memcg-review, and hands a patch to it', () => {
    expect(runHook('/bin/false', 'Subject: [PATCH 0/1] mm: a cover letter\n\nA series.\n')).toBe(0);
    expect(runHook('/bin/false', patch)).toBe(1);
    expect(runHook('/bin/true', patch)).toBe(0);
  });

  it('quotes paths for sh', () => {
    expect(shellQuote("/opt/it's here/node")).toBe(`'/opt/it'\\''s here/node'`);
    const dir = tempDir("memcg it's-");
    try {
      const echo = path.join(dir, "say it's");
      fs.writeFileSync(echo, '#!/bin/sh\nprintf "%s|" "$@" > "$(dirname "$0")/args"\n', { mode: 0o755 });
      fs.writeFileSync(path.join(dir, 'hook'), sendemailHook({ node: echo, main: "/a b/it's.js", failOn: 'warning' }), { mode: 0o755 });
      fs.writeFileSync(path.join(dir, 'message'), patch);
      expect(spawnSync(path.join(dir, 'hook'), [path.join(dir, 'message')]).status).toBe(0);
      expect(fs.readFileSync(path.join(dir, 'args'), 'utf8')).toBe(`/a b/it's.js|check|--fail-on|warning|--|${path.join(dir, 'message')}|`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A repository for the module-level patch above, made once. */
function kernelRepoDir(): string {
  const made = kernelRepo([READ_COMMIT]);
  afterAll(() => fs.rmSync(made.dir, { recursive: true, force: true }));
  return made.dir;
}
