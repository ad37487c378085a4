import { describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/spawn-cli.js';
import { reachable } from '../helpers/imports.js';

/**
 * The App treats a pull request's code and configuration as data: nothing the server loads can run
 * a program, evaluate text as code or load a module by a name it was given. Checked on every
 * source file the App's entry reaches through its imports.
 */
const FORBIDDEN: [string, RegExp][] = [
  ['child_process', /\bfrom ['"]node:child_process['"]|\brequire\(['"](node:)?child_process['"]\)/],
  ['node:vm', /\bfrom ['"]node:vm['"]/],
  // The global eval, not the model's `helper.eval(state)` nor its declaration `eval(state: ...): Outcome`.
  ['eval', /(?<![.\w])eval\s*\((?![^)]*\)\s*:)/],
  ['new Function', /\bnew Function\s*\(/],
  ['import() of a computed name', /\bimport\s*\(\s*[^'"\s]/],
];

describe('the App never executes what a pull request holds', () => {
  const files = reachable(path.join(ROOT, 'src/app/index.ts'));

  it('reaches the engine through its imports', () => {
    const rel = files.map((f) => path.relative(ROOT, f));
    expect(rel).toEqual(expect.arrayContaining(['src/app/app.ts', 'src/review/reviewer.ts', 'src/c/parser.ts', 'src/app/parse-config.ts']));
    expect(rel.some((f) => f.startsWith('src/cli/'))).toBe(false);
  });

  it.each(FORBIDDEN)('no file it loads uses %s', (_name, pattern) => {
    const offenders = files.filter((f) => pattern.test(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(ROOT, f));
    expect(offenders).toEqual([]);
  });
});
