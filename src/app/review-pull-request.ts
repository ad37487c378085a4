import type { Finding, PatchRef, Target } from '../types.js';
import type { Reviewer } from '../review/reviewer.js';
import type { ReviewResult } from '../review/result.js';
import { sourceKey } from '../review/result.js';
import { sortFindings } from '../review/sort-findings.js';
import { reviewAndFix } from '../pipeline/review-and-fix.js';
import { LineIndex } from '../text/line-index.js';
import { attributeFinding } from './attribute-finding.js';
import type { PullSnapshot } from './pull-snapshot.js';

/**
 * Reviews a pull request through the pipeline: each changed C file once, at the head, on the lines
 * the pull request adds (its lines in scope); each finding is then tagged with the commit (patch of
 * the series) that introduced it.
 */
export function reviewPullRequest(reviewer: Reviewer, snapshot: PullSnapshot, target: Target): ReviewResult {
  const sources = snapshot.files.map((file) => ({ path: file.path, text: file.text, inScope: file.added }));
  // Over the size or time limits: a note on the file, as in the CLI; anything else is an error (its first line).
  const { result } = reviewAndFix(reviewer, { patches: [], sources, skipped: snapshot.notes }, target, { oneLineErrors: true }).before;
  const texts = new Map(snapshot.files.map((file) => [file.path, file.text]));
  const lines = new Map<string, LineIndex>();
  const attributed = new Map<string, string>();
  const findings: Finding[] = [];
  for (const f of result.findings) {
    const text = texts.get(f.file)!;
    let index = lines.get(f.file);
    if (!index) lines.set(f.file, (index = new LineIndex(text)));
    const patch: PatchRef | undefined = attributeFinding(snapshot.commits, f.file, index, f.line);
    attributed.set(sourceKey(f.file, patch?.index), text);
    findings.push(patch ? { ...f, patch } : f);
  }
  const total = snapshot.commits.length;
  return {
    ...result,
    findings: sortFindings(findings),
    sources: attributed,
    patches: snapshot.commits.map((c) => ({ index: c.index, total, subject: c.subject, source: c.sha })),
  };
}
