import type { InputNote } from '../types.js';
import { parsePatch } from './parse-patch.js';
import { splitMbox, type MailMessage } from './split-mbox.js';
import type { Patch, Series } from './types.js';

export interface SeriesInput {
  /** A file name, or '-' for stdin. */
  source: string;
  text: string;
}

interface Candidate {
  message: MailMessage;
  source: string;
  patch: Omit<Patch, 'index' | 'total'>;
  notes: InputNote[];
  order: number;
}

function describe(message: MailMessage, source: string): string {
  return message.rawSubject ? `"${message.rawSubject}" in ${source}` : `a message in ${source}`;
}

/**
 * Parses inputs (format-patch files, mboxes, plain diffs) into one series. `[PATCH 0/N]` is the cover
 * letter; a message without a diff is otherwise left out with a note. When every patch carries n/N
 * they are sorted by n (stable), else they keep the input order.
 */
export function parseSeries(inputs: readonly SeriesInput[]): { series: Series; notes: InputNote[] } {
  const series: Series = { patches: [] };
  const notes: InputNote[] = [];
  const candidates: Candidate[] = [];
  for (const input of inputs) {
    const messages = splitMbox(input.text);
    if (messages.length === 0) notes.push({ message: `${input.source === '-' ? 'stdin' : input.source} is empty: nothing to review` });
    for (const message of messages) {
      if (message.prefix.number === 0) {
        if (series.cover) notes.push({ message: `a second cover letter (${describe(message, input.source)}) was ignored` });
        else series.cover = { subject: message.prefix.subject, body: message.text.slice(message.bodyStart).trim() };
        continue;
      }
      const parsed = parsePatch(message.text, message.bodyStart);
      if (parsed.files.length === 0) {
        notes.push({ message: `${describe(message, input.source)} has no diff and was ignored` });
        notes.push(...parsed.notes);
        continue;
      }
      const patch: Candidate['patch'] = { subject: message.prefix.subject, source: input.source, text: message.text, files: parsed.files };
      if (message.author !== undefined) patch.author = message.author;
      candidates.push({ message, source: input.source, patch, notes: parsed.notes, order: candidates.length });
    }
  }
  const numbered = candidates.length > 0 && candidates.every((c) => c.message.prefix.number !== undefined);
  if (numbered) candidates.sort((a, b) => a.message.prefix.number! - b.message.prefix.number! || a.order - b.order);
  // A patch's index names it everywhere (findings, fixes): two mails with one number are numbered by position.
  const unique = numbered && new Set(candidates.map((c) => c.message.prefix.number)).size === candidates.length;
  candidates.forEach((c, k) => {
    const { number, total } = c.message.prefix;
    const patch: Patch = { ...c.patch, index: unique ? number! : k + 1, total: total ?? candidates.length };
    series.patches.push(patch);
    const ref = { index: patch.index, subject: patch.subject };
    for (const n of c.notes) notes.push({ ...n, patch: ref });
    const previous = candidates[k - 1];
    if (numbered && previous && previous.message.prefix.number === number) {
      notes.push({ patch: ref, message: `two patches are numbered ${number}/${total}; both kept in input order, and the series numbered by position` });
    }
  });
  return { series, notes };
}
