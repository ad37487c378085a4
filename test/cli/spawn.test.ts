import fs from 'node:fs';
import path from 'node:path';
import { build, MAIN, ROOT, spawnCli } from '../helpers/spawn-cli.js';
import { FIXTURES } from '../helpers/tree.js';

beforeAll(build, 120_000);

describe('the built CLI as a process', () => {
  it('starts with a shebang whose shell line runs node on it, and knows its package version', () => {
    // The bin's first lines (scripts/bundle.mjs; test/cli/bundle.test.ts runs it as a program).
    expect(fs.readFileSync(MAIN, 'utf8').startsWith('#!/bin/sh\n":" //; unset NODE_EXTRA_CA_CERTS; exec node "$0" "$@"\n')).toBe(true);
    const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
    expect(spawnCli(['--version'])).toEqual({ code: 0, out: `memcg-review ${version}\n`, err: '' });
  });

  it('exits 2 with one line and no stack trace on bad usage or input', () => {
    expect(spawnCli(['check', '--frobnicate'])).toEqual({ code: 2, out: '', err: "memcg-review: unknown option '--frobnicate' (try --help)\n" });
    expect(spawnCli(['check', 'fixtures/cli/split'])).toEqual({ code: 2, out: '', err: "memcg-review: 'fixtures/cli/split' is a directory\n" });
    expect(spawnCli(['check'])).toEqual({ code: 2, out: '', err: 'memcg-review: no input on stdin\n' });
  });

  it('reads a patch piped to stdin and exits 0 when it is clean', () => {
    const r = spawnCli(['check'], { input: fs.readFileSync(path.join(FIXTURES, 'clean.diff'), 'utf8') });
    expect(r.err).toBe('');
    expect(r.out).toContain('verdict: no open-coded memcg accesses found.');
    expect(r.code).toBe(0);
  });

  it('prints help on stdout and exits 0', () => {
    const r = spawnCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Exit codes:');
  });
});
