import type { Finding, InputNote, Severity } from '../types.js';
import type { ReviewedPatch, ReviewResult } from '../review/result.js';
import { sourceKey, sourceOf } from '../review/result.js';
import { LineIndex } from '../text/line-index.js';
import { caretLine } from './caret-line.js';
import { clipLine } from './clip-line.js';
import { fixPreview } from './fix-preview.js';

/** checkpatch's words for the severities. */
const LABEL: Record<Severity, string> = { error: 'ERROR', warning: 'WARNING', info: 'CHECK' };

export interface TextOptions {
  /** Every finding's explanation and every fix's; by default each distinct one is printed once, where it first appears. */
  verbose?: boolean;
}

/**
 * The report in checkpatch's habit: `FILE:LINE: SEVERITY: message` on one line, the source line
 * and a caret line, the fix, grouped under `[PATCH n/N] subject` for a series; notes; a total and
 * a verdict. A message's explanation (what follows its first ': ') and a fix's explanation are
 * printed indented under the first finding that has them, or under each with `verbose`.
 */
export function formatText(result: ReviewResult, options: TextOptions = {}): string {
  const out: string[] = [];
  const indexes = new Map<string, LineIndex>();
  const explained = options.verbose ? undefined : new Set<string>();
  const emit = (findings: readonly Finding[], notes: readonly InputNote[]) => {
    for (const f of findings) out.push(...finding(result, f, indexes, explained));
    for (const n of notes) out.push(note(n));
  };
  emit(result.findings.filter((f) => !f.patch), result.notes.filter((n) => !n.patch));
  for (const p of patchesOf(result)) {
    if (out.length > 0) out.push('');
    out.push(`[PATCH ${p.index}/${p.total}] ${p.subject || `(no subject: a plain diff from ${p.source === '-' ? 'stdin' : (p.source ?? 'the input')})`}`);
    emit(result.findings.filter((f) => f.patch?.index === p.index), result.notes.filter((n) => n.patch?.index === p.index));
  }
  for (const e of result.errors) out.push(`error: ${e}`);
  if (out.length > 0) out.push('');
  out.push(total(result), verdict(result));
  return out.join('\n') + '\n';
}

/** A message split at its first ': ' into the headline and the explanation (none when there is no ': '). */
export function splitMessage(message: string): { headline: string; explanation?: string } {
  const at = message.indexOf(': ');
  return at === -1 ? { headline: message } : { headline: message.slice(0, at), explanation: message.slice(at + 2) };
}

function finding(result: ReviewResult, f: Finding, indexes: Map<string, LineIndex>, explained: Set<string> | undefined): string[] {
  const { headline, explanation } = splitMessage(f.message);
  const lines = [`${f.file}:${f.line}: ${LABEL[f.severity]}: ${headline}`];
  /** Prints `text` unless an earlier finding printed the same `key` (never skipped under --verbose). */
  const once = (key: string, text: string) => {
    if (explained?.has(key)) return;
    explained?.add(key);
    lines.push(`  ${text}`);
  };
  const source = sourceOf(result, f);
  if (source !== undefined) {
    const key = sourceKey(f.file, f.patch?.index);
    let index = indexes.get(key);
    if (!index) indexes.set(key, (index = new LineIndex(source)));
    const shown = clipLine(index.lineText(f.line), f);
    lines.push((f.patch ? '+' : ' ') + shown.text, ' ' + caretLine(shown.text, shown.span));
  }
  if (explanation) once(explanation, explanation);
  if (f.fix) {
    const preview = source === undefined ? '' : fixPreview(source, f.fix) || '(removes the code)';
    lines.push(`  fix (${f.fix.verdict}): ${preview}`.trimEnd());
    // A proven fix's explanation says the same for every finding of a rule; a conditional one names its condition.
    const key = f.fix.verdict === 'proven' ? `${f.ruleId}\0proven` : f.fix.explanation;
    if (f.fix.explanation) once(key, f.fix.explanation);
  }
  return lines;
}

function note(n: InputNote): string {
  return `NOTE: ${n.file ? `${n.file}: ` : ''}${n.message}`;
}

function patchesOf(result: ReviewResult): ReviewedPatch[] {
  const byIndex = new Map<number, ReviewedPatch>((result.patches ?? []).map((p) => [p.index, p]));
  for (const f of [...result.findings, ...result.notes]) {
    if (f.patch && !byIndex.has(f.patch.index)) byIndex.set(f.patch.index, { ...f.patch, total: result.patches?.length ?? 0 });
  }
  return [...byIndex.values()].sort((a, b) => a.index - b.index);
}

function count(result: ReviewResult, severity: Severity): number {
  return result.findings.filter((f) => f.severity === severity).length;
}

function total(result: ReviewResult): string {
  return `total: ${count(result, 'error')} errors, ${count(result, 'warning')} warnings, ${count(result, 'info')} checks, ${result.linesChecked} lines checked`;
}

function verdict(result: ReviewResult): string {
  if (result.errors.length > 0) return 'verdict: review incomplete, see the errors above.';
  if (count(result, 'error') + count(result, 'warning') > 0) return 'verdict: open-coded memcg accesses found, please review.';
  if (count(result, 'info') > 0) return 'verdict: no open-coded memcg accesses, only checks to consider.';
  return 'verdict: no open-coded memcg accesses found.';
}
