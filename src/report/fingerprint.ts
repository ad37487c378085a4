import { createHash } from 'node:crypto';
import type { Finding } from '../types.js';
import { sourceKey, type ReviewResult } from '../review/result.js';
import { LineIndex } from '../text/line-index.js';

/** The code line as a fingerprint sees it: blanks squeezed, ends trimmed, so re-indenting keeps it. */
export function normalizeCodeLine(line: string): string {
  return line.replace(/\s+/g, ' ').trim();
}

/**
 * A finding's identity across pushes: rule, file and the normalized code line, plus the ordinal of
 * that triple in the file (two findings of one rule on equal lines stay apart). Line numbers are
 * left out on purpose: a push that moves the line keeps the fingerprint.
 */
export function fingerprint(ruleId: string, file: string, codeLine: string, ordinal = 0): string {
  return createHash('sha256').update(`${ruleId}\0${file}\0${normalizeCodeLine(codeLine)}\0${ordinal}`).digest('hex').slice(0, 16);
}

/** Fingerprints for findings in order; `lineOf` gives a finding's code line. */
export function fingerprintAll(findings: readonly Finding[], lineOf: (f: Finding) => string): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = `${f.ruleId}\0${f.file}\0${normalizeCodeLine(lineOf(f))}`;
    const ordinal = seen.get(base) ?? 0;
    seen.set(base, ordinal + 1);
    return fingerprint(f.ruleId, f.file, lineOf(f), ordinal);
  });
}

/**
 * The fingerprints of a result's findings, in order, over the reviewed texts they point into: the
 * one identity of a finding, used by SARIF's primaryLocationLineHash and the App's markers.
 */
export function fingerprintsOf(result: Pick<ReviewResult, 'findings' | 'sources'>): string[] {
  const indexes = new Map<string, LineIndex>();
  return fingerprintAll(result.findings, (f) => {
    const key = sourceKey(f.file, f.patch?.index);
    let index = indexes.get(key);
    if (!index) indexes.set(key, (index = new LineIndex(result.sources.get(key) ?? '')));
    return index.lineText(f.line);
  });
}
