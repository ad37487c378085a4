import type { Finding, InputNote } from '../types.js';
import type { ReviewResult } from '../review/result.js';
import { sourceKey, sourceOf } from '../review/result.js';
import { LineIndex } from '../text/line-index.js';

/**
 * The machine-readable report. Lines and columns are 1-based, ends exclusive; `patch` only on
 * findings from a series, `fix` only where one is offered. `version` is the tool's version.
 */
export function formatJson(result: ReviewResult, version: string): string {
  const indexes = new Map<string, LineIndex>();
  const indexOf = (f: Finding): LineIndex => {
    const key = sourceKey(f.file, f.patch?.index);
    let index = indexes.get(key);
    if (!index) indexes.set(key, (index = new LineIndex(sourceOf(result, f) ?? '')));
    return index;
  };
  const report = {
    version,
    target: result.target,
    findings: result.findings.map((f) => finding(f, indexOf)),
    notes: result.notes.map(note),
    errors: result.errors,
  };
  return JSON.stringify(report, null, 2) + '\n';
}

function finding(f: Finding, indexOf: (f: Finding) => LineIndex) {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    message: f.message,
    confidence: f.confidence,
    ...(f.patch ? { patch: { index: f.patch.index, subject: f.patch.subject } } : {}),
    ...(f.fix
      ? {
          fix: {
            edits: f.fix.edits.map((e) => {
              const start = indexOf(f).position(e.start);
              const end = indexOf(f).position(e.end);
              return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column, text: e.text };
            }),
            verdict: f.fix.verdict,
            explanation: f.fix.explanation,
          },
        }
      : {}),
  };
}

function note(n: InputNote) {
  return {
    ...(n.file !== undefined ? { file: n.file } : {}),
    ...(n.patch ? { patch: { index: n.patch.index, subject: n.patch.subject } } : {}),
    message: n.message,
  };
}
