import type { Finding, Severity } from '../types.js';
import type { ReviewResult } from '../review/result.js';
import { sourceOf } from '../review/result.js';
import { fixPreview } from '../report/fix-preview.js';
import { patchLabel } from './patch-label.js';
import { truncate } from './truncate.js';

/** A check run annotation as the REST API takes it. */
export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  title: string;
  message: string;
}

/** GitHub takes at most 50 annotations per create or update request. */
export const ANNOTATIONS_PER_REQUEST = 50;
const TITLE_LIMIT = 255;
const MESSAGE_LIMIT = 64 * 1024 - 1;

const LEVEL: Record<Severity, Annotation['annotation_level']> = { error: 'failure', warning: 'warning', info: 'notice' };

export function annotationFor(result: ReviewResult, f: Finding): Annotation {
  const lines = [f.message];
  if (f.patch) lines.push(`Introduced by ${patchLabel(f.patch, result.patches)}.`);
  const source = sourceOf(result, f);
  if (f.fix) {
    const preview = source === undefined ? '' : fixPreview(source, f.fix);
    lines.push(`Fix (${f.fix.verdict}): ${preview || '(removes the code)'}`, f.fix.explanation);
  }
  const endLine = Math.max(f.line, f.endColumn === 1 && f.endLine > f.line ? f.endLine - 1 : f.endLine);
  const a: Annotation = {
    path: f.file,
    start_line: f.line,
    end_line: endLine,
    annotation_level: LEVEL[f.severity],
    title: truncate(`memcg-review: ${f.ruleId}`, TITLE_LIMIT, '…'),
    message: truncate(lines.join('\n'), MESSAGE_LIMIT, '…'),
  };
  if (endLine === f.line && f.endLine === f.line) {
    a.start_column = f.column;
    a.end_column = Math.max(f.column, f.endColumn - 1);
  }
  return a;
}

/** All annotations of a review, in batches GitHub accepts. */
export function annotationBatches(result: ReviewResult, findings: readonly Finding[] = result.findings): Annotation[][] {
  const all = findings.map((f) => annotationFor(result, f));
  const batches: Annotation[][] = [];
  for (let i = 0; i < all.length; i += ANNOTATIONS_PER_REQUEST) batches.push(all.slice(i, i + ANNOTATIONS_PER_REQUEST));
  return batches;
}
