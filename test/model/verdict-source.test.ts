import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Verdicts come only from the model: the type is branded, and nothing outside validate.ts casts to it or writes one. */
const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

test('no rule writes a verdict by hand, and only src/model/validate.ts makes one', () => {
  const all = files(SRC);
  expect(all.length).toBeGreaterThan(100);
  const handWritten = all.filter((f) => f.startsWith(path.join(SRC, 'rules')) && /verdict: '/.test(fs.readFileSync(f, 'utf8')));
  expect(handWritten).toEqual([]);
  const casts = all.filter((f) => !f.endsWith(path.join('model', 'validate.ts')) && /\bas Verdict\b/.test(fs.readFileSync(f, 'utf8')));
  expect(casts).toEqual([]);
  expect(fs.readFileSync(path.join(SRC, 'types.ts'), 'utf8')).toMatch(/export type Verdict = VerdictName & \{ readonly \[VERDICT\]: true \}/);
});
