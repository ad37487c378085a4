import type { Finding, InputNote } from '../types.js';
import type { ReviewResult } from '../review/result.js';
import { sourceOf } from '../review/result.js';
import { fixPreview } from '../report/fix-preview.js';
import { countsTitle } from './conclusion.js';
import { stateMarker, type ReviewState } from './markers.js';
import { patchLabel } from './patch-label.js';
import { GITHUB_TEXT_LIMIT } from './truncate.js';
import { inertText } from './inert-text.js';
import { mdCode } from '../report/markdown-escape.js';

/** A finding of an earlier review that this one no longer has. */
export interface ResolvedFinding {
  ruleId: string;
  file: string;
  line: number;
}

export interface SummaryInput {
  result: ReviewResult;
  /** Lines added at the head of the summary (target and how it was chosen, ...). */
  preamble: string[];
  resolved: readonly ResolvedFinding[];
  state: ReviewState;
  /** How many inline comments this run posted, and how many findings were left to the check run. */
  comments?: { posted: number; notInDiff: number; overLimit: number; alreadyPosted: number };
}

const ICON = { error: '❌', warning: '⚠️', info: 'ℹ️' } as const;

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function findingItem(result: ReviewResult, f: Finding): string {
  const out = [`- ${ICON[f.severity]} **${f.severity}** ${mdCode(`${f.file}:${f.line}`)} \`${f.ruleId}\`: ${oneLine(f.message)}`];
  const source = sourceOf(result, f);
  if (f.fix) {
    const preview = source === undefined ? '' : fixPreview(source, f.fix);
    out.push(`  - fix (${f.fix.verdict}): ${preview ? `\`${preview.replace(/`/g, "'")}\`` : '(removes the code)'} — ${oneLine(f.fix.explanation)}`);
  }
  return out.join('\n');
}

function noteItem(n: InputNote): string {
  return `- ${n.file ? `${mdCode(n.file)}: ` : ''}${inertText(oneLine(n.message))}`;
}

/** The check run's title and Markdown summary: findings per patch, resolved findings, notes; within GitHub's limit. */
export function checkSummary(input: SummaryInput): { title: string; summary: string } {
  const { result } = input;
  const marker = stateMarker(input.state);
  const budget = GITHUB_TEXT_LIMIT - marker.length - 200;
  const parts: string[] = [];
  let used = 0;
  let omitted = 0;
  const add = (text: string, isFinding = false): void => {
    if (used + text.length + 2 > budget) {
      if (isFinding) omitted++;
      return;
    }
    parts.push(text);
    used += text.length + 2;
  };
  const title = countsTitle(result.findings);
  add(`## memcg-review: ${title}`);
  add(input.preamble.join('\n\n'));
  if (input.comments) {
    const c = input.comments;
    const bits = [`${c.posted} new inline comment${c.posted === 1 ? '' : 's'}`];
    if (c.alreadyPosted > 0) bits.push(`${c.alreadyPosted} already commented`);
    if (c.notInDiff > 0) bits.push(`${c.notInDiff} outside the diff GitHub shows (annotations only)`);
    if (c.overLimit > 0) bits.push(`${c.overLimit} over the maxComments limit (annotations only)`);
    add(bits.join(' · '));
  }
  for (const p of result.patches ?? []) {
    const own = result.findings.filter((f) => f.patch?.index === p.index);
    add(`### ${inertText(patchLabel({ index: p.index, subject: p.subject }, result.patches))}`);
    if (own.length === 0) add('No findings.');
    for (const f of own) add(findingItem(result, f), true);
  }
  const loose = result.findings.filter((f) => !f.patch);
  if (loose.length > 0) {
    add('### Other findings');
    for (const f of loose) add(findingItem(result, f), true);
  }
  if (input.resolved.length > 0) {
    add('### Resolved since the last review');
    add(input.resolved.map((r) => `- \`${r.ruleId}\` in ${mdCode(r.file)} (was line ${r.line})`).join('\n'));
  }
  if (result.notes.length > 0) {
    add('### Notes');
    for (const n of result.notes) add(noteItem(n));
  }
  if (result.errors.length > 0) {
    add('### Errors');
    for (const e of result.errors) add(`- ${inertText(oneLine(e))}`);
  }
  if (omitted > 0) parts.push(`… and ${omitted} more finding${omitted === 1 ? '' : 's'}: see the annotations.`);
  parts.push(marker);
  return { title, summary: parts.join('\n\n') };
}
