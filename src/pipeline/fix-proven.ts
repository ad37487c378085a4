import { appliesAt, type Finding, type FixLevel } from '../types.js';
import { fixFile } from './fix-file.js';

export interface ProvenFix {
  /** The text with every proven fix applied. */
  text: string;
  /** Fixes applied, over all passes. */
  applied: number;
  /** The findings whose fix went in, over all passes. */
  fixes: Finding[];
  /** A review of the fixed text: what remains. */
  remaining: Finding[];
}


/**
 * Applies every proven fix of a file (and, at level `assumed`, every assumed one) and nothing
 * else (conditional fixes need a human), then reviews the result again: a fix can make another
 * one proven (a tag test goes once its read uses page_memcg_check()), so passes go on until no
 * such fix is left or one changes nothing, at most `maxRounds`. `review` reviews a text of the
 * same file.
 */
export function fixProven(text: string, findings: readonly Finding[], review: (text: string) => Finding[], maxRounds = 4, level: FixLevel = 'proven'): ProvenFix {
  const isProven = (f: Finding) => !!f.fix && appliesAt(f.fix.verdict, level) && f.fix.edits.length > 0;
  let current = [...findings];
  const fixes: Finding[] = [];
  for (let round = 0; round < maxRounds; round++) {
    const proven = current.filter(isProven);
    if (proven.length === 0) break;
    const pass = fixFile(text, proven, (t) => review(t).filter(isProven));
    if (pass.applied.length === 0 || pass.text === text) break;
    fixes.push(...pass.applied);
    text = pass.text;
    current = review(text);
  }
  return { text, applied: fixes.length, fixes, remaining: current };
}
