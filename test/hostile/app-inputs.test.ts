import { beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { addedLines } from '../../src/app/added-lines.js';
import { DEFAULT_CONFIG } from '../../src/app/config.js';
import { diffLines } from '../../src/app/diff-lines.js';
import type { HeadFile, PullSnapshot } from '../../src/app/pull-snapshot.js';
import { reviewPullRequest } from '../../src/app/review-pull-request.js';
import { createReviewer, type Reviewer } from '../../src/review/reviewer.js';
import { C_FILE, manyMacros, nestedParens, singleLine } from './hostile-inputs.js';

/** The App's review of a pull request whose files are hostile: a note per file it will not review, never an error. */
const HANG = 120_000;
let reviewer: Reviewer;
beforeAll(async () => {
  reviewer = await createReviewer({ target: 'v5.11', coreFiles: DEFAULT_CONFIG.core });
});

const everyLine = (text: string) => new Set(text.split('\n').map((_, i) => i + 1));
const file = (path: string, text: string): HeadFile => ({ path, text, added: everyLine(text), commentable: new Map() });
const snapshot = (files: HeadFile[]): PullSnapshot => ({ owner: 'o', repo: 'r', number: 1, headSha: 'h', commits: [], files, notes: [] });

describe('reviewing hostile files of a pull request', () => {
  it('each is a finding, a note or nothing; the others are still reviewed', () => {
    const result = reviewPullRequest(reviewer, snapshot([
      file('mm/one-line.c', singleLine(10 * 1024 * 1024)),
      file('mm/parens.c', nestedParens(100_000)),
      file('mm/macros.c', manyMacros(5_000)),
      file('mm/crlf.c', C_FILE.replace(/\n/g, '\r\n')),
      file('mm/latin1.c', `/* caf\uFFFD */\n${C_FILE}`),
      file('mm/comment.c', `${C_FILE}/* never closed\n`),
      file('mm/empty.c', ''),
      file('mm/plain.c', C_FILE),
    ]), 'v5.11');
    expect(result.errors).toEqual([]);
    expect(result.notes).toEqual([{ file: 'mm/one-line.c', message: expect.stringMatching(/^not reviewed: \d+ characters, over the limit of 1048576$/) }]);
    const files = new Set(result.findings.map((f) => f.file));
    for (const f of ['mm/parens.c', 'mm/crlf.c', 'mm/latin1.c', 'mm/comment.c', 'mm/plain.c']) expect(files).toContain(f);
  }, HANG);

  it('a repository that lowers maxFileSize gets a note for a file over it', async () => {
    const small = await createReviewer({ target: 'v5.11', coreFiles: DEFAULT_CONFIG.core, limits: { maxBytes: 20, maxParseMillis: 10_000 } });
    const result = reviewPullRequest(small, snapshot([file('mm/plain.c', C_FILE)]), 'v5.11');
    expect(result).toMatchObject({ findings: [], errors: [], notes: [{ file: 'mm/plain.c', message: `not reviewed: ${C_FILE.length} characters, over the limit of 20` }] });
  });

  it('the lines a too-large file adds are found in bounded memory, even when thousands changed', () => {
    const before = Array.from({ length: 20_000 }, (_, i) => `\tuse(p${i}->mem_cgroup);`).join('\n') + '\n';
    const after = before.replace(/->mem_cgroup/g, '->memcg');
    expect(addedLines(before, after).size).toBe(20_000);
  }, HANG);
});

describe("GitHub's patch text", () => {
  it('never makes diffLines throw', () => {
    const line = fc.oneof(fc.string({ maxLength: 20 }), fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat()).map(([a, b, c, d]) => `@@ -${a},${b} +${c},${d} @@`), fc.constantFrom('+x', '-y', ' z', '\\ No newline at end of file', ''));
    fc.assert(fc.property(fc.array(line, { maxLength: 50 }), (lines) => {
      const d = diffLines(lines.join('\n'));
      for (const n of d.added.keys()) expect(d.commentable.has(n)).toBe(true);
    }), { numRuns: 300, seed: 20261126 });
  });
});
