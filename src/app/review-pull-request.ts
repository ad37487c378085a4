import type { Finding, PatchRef, Target } from '../types.js';
import { ReviewLimitError, type Reviewer } from '../review/reviewer.js';
import { withoutPath } from '../review/review-series.js';
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
    let found: Finding[];
    try {
      found = reviewer.review({ path: file.path, text: file.text });
    } catch (e) {
      // Over the size or parse time limit: a note on the file, as in the CLI; anything else is an error.
      if (e instanceof ReviewLimitError) notes.push({ file: file.path, message: withoutPath(e.message, file.path) });
      else errors.push(`${file.path}: review failed: ${e instanceof Error ? e.message.split('\n', 1)[0] : String(e)}`);
      continue;
    }
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
