import type { Finding, PatchRef, Target } from '../types.js';
import type { Reviewer } from '../review/reviewer.js';
import { reviewOne } from '../review/review-one.js';
import type { ReviewResult } from '../review/result.js';
import { sourceKey } from '../review/result.js';
import { sortFindings } from '../review/sort-findings.js';
import { LineIndex } from '../text/line-index.js';
import { attributeFinding } from './attribute-finding.js';
import type { PullSnapshot } from './pull-snapshot.js';

/**
 * Reviews a pull request: each changed C file once, at the head, keeping the findings on lines the
 * pull request adds, each tagged with the commit (patch of the series) that introduced it.
 */
export function reviewPullRequest(reviewer: Reviewer, snapshot: PullSnapshot, target: Target): ReviewResult {
  const findings: Finding[] = [];
  const notes = [...snapshot.notes];
  const errors: string[] = [];
  const sources = new Map<string, string>();
  const total = snapshot.commits.length;
  let linesChecked = 0;
  for (const file of snapshot.files) {
    // Over the size or time limits: a note on the file, as in the CLI; anything else is an error.
    const reviewed = reviewOne(reviewer, { path: file.path, text: file.text }, true);
    if ('note' in reviewed) notes.push({ file: file.path, message: reviewed.note });
    if ('error' in reviewed) errors.push(reviewed.error);
    if ('note' in reviewed || 'error' in reviewed) continue;
    const found = reviewed.findings;
    linesChecked += file.added.size;
    const lines = new LineIndex(file.text);
    for (const f of found) {
      if (!file.added.has(f.line)) continue;
      const patch: PatchRef | undefined = attributeFinding(snapshot.commits, file.path, lines, f.line);
      sources.set(sourceKey(file.path, patch?.index), file.text);
      findings.push(patch ? { ...f, file: file.path, patch } : { ...f, file: file.path });
    }
  }
  return {
    target,
    findings: sortFindings(findings),
    notes,
    errors,
    linesChecked,
    sources,
    patches: snapshot.commits.map((c) => ({ index: c.index, total, subject: c.subject, source: c.sha })),
  };
}
