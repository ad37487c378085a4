import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { unifiedDiff } from '../../src/fix/unified-diff.js';
import { applyFilePatch } from '../../src/patch/apply-patch.js';
import { splitGitDiffPaths } from '../../src/patch/git-path.js';
import { parsePatch } from '../../src/patch/parse-patch.js';
import { parseSeries } from '../../src/patch/parse-series.js';
import { buildPostImages } from '../../src/patch/post-image.js';
import { useFixedSeed } from './fixed-seed.js';

useFixedSeed();

/** Properties of the patch parser on random and patch-like input. */
const RUNS = { numRuns: Number(process.env.RUNS ?? 300) };

/** Lines that mean something to the parser, in any order, with random text in them. */
const word = fc.string({ maxLength: 6, unit: fc.constantFrom('a', 'b', '/', ' ', '.', 'c', '"', '\\', '\t', '0', '1') });
const num = fc.oneof(fc.nat(5), fc.constantFrom(999_999_999, 1_000_001, 2 ** 53));
const patchLine = fc.oneof(
  word.map((w) => `diff --git a/${w} b/${w}`),
  word.map((w) => `diff --git ${w}`),
  word.map((w) => `--- ${w}`),
  word.map((w) => `+++ ${w}`),
  fc.tuple(num, num, num, num, word).map(([a, b, c, d, h]) => `@@ -${a},${b} +${c},${d} @@${h}`),
  fc.tuple(num, num).map(([a, c]) => `@@ -${a} +${c} @@`),
  word.map((w) => `+${w}`),
  word.map((w) => `-${w}`),
  word.map((w) => ` ${w}`),
  fc.constantFrom('', '\\ No newline at end of file', 'GIT binary patch', 'literal 5', 'delta 3', 'new file mode 100644', 'deleted file mode 100644',
    'old mode 100644', 'new mode 100755', 'similarity index 90%', 'rename from a', 'rename to ../b', 'copy from x', 'copy to /y', '@@@ -1 -1 +1 @@@',
    'From 1234567890123456789012345678901234567890 Mon Sep 17 00:00:00 2001', 'Subject: [PATCH 1/2] x', 'Subject: [PATCH 0/2] cover',
    'Content-Transfer-Encoding: base64', 'Content-Transfer-Encoding: quoted-printable', 'From: =?utf-8?q?A=C3=A9?= <a@b>', '-- ', 'Binary files a/x and b/x differ'),
  fc.string({ maxLength: 12 }),
);
const patchText = fc.tuple(fc.array(patchLine, { maxLength: 40 }), fc.constantFrom('\n', '\r\n')).map(([lines, eol]) => lines.join(eol));
const anyText = fc.oneof(patchText, fc.string({ maxLength: 300, unit: 'binary' }), fc.string({ maxLength: 300, unit: 'grapheme' }));

describe('the patch parser', () => {
  it('never throws, on patch-like or random text, whole series included', () => {
    fc.assert(fc.property(fc.array(anyText, { minLength: 1, maxLength: 3 }), fc.option(fc.string({ maxLength: 50 })), (texts, base) => {
      const { series } = parseSeries(texts.map((text, k) => ({ source: `p${k}.patch`, text })));
      buildPostImages(series);
      buildPostImages(series, () => base);
      for (const patch of series.patches) {
        for (const file of patch.files) {
          expect(file.newPath === null || !file.newPath.split(/[\\/]/).includes('..')).toBe(true);
          applyFilePatch(base ?? '', file, { fuzz: 2 });
        }
      }
    }), RUNS);
  });

  it('parsePatch never throws from any offset', () => {
    fc.assert(fc.property(anyText, fc.nat(400), (text, from) => {
      parsePatch(text, Math.min(from, text.length));
    }), RUNS);
  });

  it('splits `diff --git` paths as the quadratic definition did', () => {
    const reference = (rest: string): [string, string] | null => {
      for (let i = rest.indexOf(' '); i !== -1; i = rest.indexOf(' ', i + 1)) {
        const a = rest.slice(0, i);
        const b = rest.slice(i + 1);
        if (a.replace(/^[^/]+\//, '') === b.replace(/^[^/]+\//, '')) return [a, b];
      }
      const split = rest.indexOf(' b/');
      return split === -1 ? null : [rest.slice(0, split), rest.slice(split + 1)];
    };
    const rest = fc.oneof(
      fc.string({ maxLength: 16, unit: fc.constantFrom('a', 'b', '/', ' ', 'x') }),
      fc.tuple(fc.constantFrom('a/', 'b/', 'i/', '', '/', 'ab/'), fc.constantFrom('a/', 'b/', 'w/', '', '/', 'cd/'), fc.string({ maxLength: 8, unit: fc.constantFrom('x', '/', ' ', 'b') }))
        .map(([p, q, path]) => `${p}${path} ${q}${path}`),
    );
    fc.assert(fc.property(rest, (r) => {
      fc.pre(!r.startsWith('"') && !r.includes(' "'));
      expect(splitGitDiffPaths(r)).toEqual(reference(r));
    }), { numRuns: RUNS.numRuns * 5 });
  });

  it('reads back the diffs memcg-review writes: applying one to the old text gives the new', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', '', '\tx;', '}'), { maxLength: 30 });
    const text = fc.tuple(lines, fc.boolean()).map(([ls, eol]) => (ls.length === 0 ? '' : ls.join('\n') + (eol ? '\n' : '')));
    fc.assert(fc.property(text, text, (before, after) => {
      const diff = unifiedDiff('mm/x.c', before, after);
      if (before === after) return expect(diff).toBe('');
      const files = parsePatch(diff).files;
      expect(files).toHaveLength(1);
      expect(applyFilePatch(before, files[0]!)).toMatchObject({ ok: true, text: after });
    }), RUNS);
  });
});
