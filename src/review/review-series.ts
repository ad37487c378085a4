import type { Finding, InputNote, PatchRef, Target } from '../types.js';
import type { Series } from '../patch/types.js';
import type { PostImage } from '../patch/post-image.js';
import type { Reviewer, SourceFile } from './reviewer.js';
import type { ReviewResult } from './result.js';
import { sourceKey } from './result.js';
import { isCFile } from './is-c-file.js';
import { sortFindings } from './sort-findings.js';
import { reviewIslands } from './review-islands.js';
import { reviewOne as reviewFile, type FileReview } from './review-one.js';

export interface SeriesReviewOptions {
  target: Target;
  /** A failed review's error keeps only the first line of its message (the App's check run, the audit). */
  oneLineErrors?: boolean;
}

/** A C file reviewed whole, or only on the lines in scope (a pull request's added lines). */
export interface ScopedSource extends SourceFile {
  inScope?: ReadonlySet<number>;
}

/**
 * Reviews the post-image of every C file of every patch and keeps the findings on lines that
 * patch adds. perPatch[k] holds the post-images of series.patches[k].
 */
export function reviewSeries(
  reviewer: Reviewer,
  series: Series,
  perPatch: readonly (readonly PostImage[])[],
  options: SeriesReviewOptions,
): ReviewResult {
  const findings: Finding[] = [];
  const notes: InputNote[] = [];
  const errors: string[] = [];
  const sources = new Map<string, string>();
  let linesChecked = 0;
  const islandErrors: string[] = [];
  const islandNotes: InputNote[] = [];
  series.patches.forEach((patch, k) => {
    const ref: PatchRef = { index: patch.index, subject: patch.subject };
    for (const image of perPatch[k] ?? []) {
      if (!isCFile(image.path)) {
        notes.push({ file: image.path, patch: ref, message: 'skipped: not a C file' });
        continue;
      }
      const found = image.complete
        ? reviewOne(reviewer, { path: image.path, text: image.text, headings: image.headings }, errors, notes, ref)
        : reviewIslands((file) => reviewOne(reviewer, file, islandErrors, islandNotes, ref), image);
      // The islands of one image share their errors and notes: each said once.
      for (const e of islandErrors.splice(0)) if (!errors.includes(e)) errors.push(e);
      for (const n of islandNotes.splice(0)) if (!notes.some((m) => m.file === n.file && m.message === n.message && m.patch === n.patch)) notes.push(n);
      sources.set(sourceKey(image.path, patch.index), image.text);
      linesChecked += image.added.size;
      for (const f of found) if (image.added.has(f.line)) findings.push({ ...f, file: image.path, patch: ref });
    }
  });
  const patches = series.patches.map((p) => ({ index: p.index, total: p.total, subject: p.subject, source: p.source }));
  return { target: options.target, findings: sortFindings(findings), notes, errors, linesChecked, sources, patches };
}

/**
 * Reviews C files given directly (no patch): every line counts, or with `inScope` the lines in
 * scope, of a file the review did not stop on, and only the findings on them are kept.
 */
export function reviewSources(reviewer: Reviewer, files: readonly ScopedSource[], options: SeriesReviewOptions): ReviewResult {
  return sourcesResult(files, files.map((file) => reviewFile(reviewer, withoutScope(file), options.oneLineErrors)), options);
}

/** The result of C files given directly, from each file's review (`reviews[k]` of `files[k]`): see reviewSources. */
export function sourcesResult(files: readonly ScopedSource[], reviews: readonly FileReview[], options: SeriesReviewOptions): ReviewResult {
  const findings: Finding[] = [];
  const notes: InputNote[] = [];
  const errors: string[] = [];
  const sources = new Map<string, string>();
  let linesChecked = 0;
  files.forEach((file, k) => {
    const r = reviews[k]!;
    sources.set(sourceKey(file.path), file.text);
    if ('note' in r) notes.push({ file: file.path, message: r.note });
    if ('error' in r) errors.push(r.error);
    const inScope = file.inScope;
    if (!inScope) linesChecked += countLines(file.text);
    else if (!('note' in r) && !('error' in r)) linesChecked += inScope.size;
    for (const f of r.findings) if (!inScope || inScope.has(f.line)) findings.push({ ...f, file: file.path });
  });
  return { target: options.target, findings: sortFindings(findings), notes, errors, linesChecked, sources };
}

/** The file as the reviewer gets it: without the scope, which is the caller's. */
export function withoutScope(file: ScopedSource): SourceFile {
  if (!file.inScope) return file;
  const { inScope: _scope, ...whole } = file;
  return whole;
}

/** One file's findings; a file over the review's limits is a note, any other failure an error. */
function reviewOne(reviewer: Reviewer, file: SourceFile, errors: string[], notes: InputNote[], patch?: PatchRef): Finding[] {
  const r = reviewFile(reviewer, file);
  if ('note' in r) notes.push({ file: file.path, message: r.note, ...(patch ? { patch } : {}) });
  if ('error' in r) errors.push(r.error);
  return r.findings;
}

function countLines(text: string): number {
  if (text === '') return 0;
  const n = text.split('\n').length;
  return text.endsWith('\n') ? n - 1 : n;
}
