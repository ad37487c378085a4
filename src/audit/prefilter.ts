import { RELEVANT, RELEVANT_LITERALS } from '../c/source-analysis.js';
import { literalsOf, longestCommonSubstring } from './literals.js';

/** What the prefilter says of one file's bytes. */
export type PrefilterVerdict = 'skip' | 'candidate';

/**
 * A test on a file's raw bytes that is true for every file the reviewer would parse (the
 * reviewer parses a file when its text matches `relevant`, RELEVANT in src/c/source-analysis)
 * and cheap enough to run on every file of a tree: one scan for the substring all the
 * relevant tokens share ("cg" for mem_cgroup, obj_cgroups, memcg_data, Kmemcg), then a scan
 * for each token on the few files that have it. A regular expression that is not a plain
 * alternation of literals falls back to testing the decoded text, which is slower but agrees.
 */
export interface Prefilter {
  /** The literals searched for; null when the fallback decodes every file. */
  readonly literals: readonly string[] | null;
  test(bytes: Uint8Array): PrefilterVerdict;
}

export function createPrefilter(relevant: RegExp = RELEVANT): Prefilter {
  // RELEVANT is richer than an alternation of literals; every match holds one of RELEVANT_LITERALS.
  const literals = relevant === RELEVANT ? [...RELEVANT_LITERALS] : literalsOf(relevant);
  if (!literals) {
    const decoder = new TextDecoder();
    const re = new RegExp(relevant.source, relevant.flags.replace(/[gy]/g, ''));
    return { literals: null, test: (bytes) => (re.test(decoder.decode(bytes)) ? 'candidate' : 'skip') };
  }
  const needles = literals.map((l) => Buffer.from(l, 'utf8'));
  const common = longestCommonSubstring(literals);
  const gate = common.length >= 2 && literals.length > 1 ? Buffer.from(common, 'utf8') : null;
  return {
    literals,
    test(bytes) {
      const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      if (gate && buf.indexOf(gate) === -1) return 'skip';
      return needles.some((n) => buf.indexOf(n) !== -1) ? 'candidate' : 'skip';
    },
  };
}
