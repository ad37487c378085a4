import type { Finding, InputNote } from '../types.js';
import type { ReviewedPatch, ReviewResult } from '../review/result.js';
import { LineIndex } from '../text/line-index.js';
import type { PatchLocations } from './patch-locations.js';

/** What checkpatch reports on as one file: a whole C file or one patch of the series. */
export interface ReportUnit {
  /** checkpatch's `$vname`: the file name, `Your patch` for stdin, `Commit <id> ("subject")` for --git. */
  name: string;
  /** The name in front of `:LINE:` in emacs mode (`-` for stdin, the commit id for --git). */
  prefixName: string;
  /** Set for a patch: its index in the series. */
  patchIndex?: number;
  findings: Finding[];
  notes: InputNote[];
  linesChecked: number;
}

/** The units of a result in report order: whole files first, then the patches by index. */
export function reportUnits(result: ReviewResult, locations: PatchLocations | undefined, git: boolean): ReportUnit[] {
  const units: ReportUnit[] = [];
  for (const [key, text] of result.sources) {
    if (!key.startsWith('0:')) continue;
    const file = key.slice(2);
    units.push({
      name: file,
      prefixName: file,
      findings: result.findings.filter((f) => !f.patch && f.file === file),
      notes: result.notes.filter((n) => !n.patch && n.file === file),
      linesChecked: new LineIndex(text).lineCount,
    });
  }
  const patches = [...(result.patches ?? [])].sort((a, b) => a.index - b.index);
  for (const p of patches) {
    const { name, prefixName } = patchName(p, patches, git);
    units.push({
      name,
      prefixName,
      patchIndex: p.index,
      findings: result.findings.filter((f) => f.patch?.index === p.index),
      notes: result.notes.filter((n) => n.patch?.index === p.index),
      linesChecked: locations?.get(p.index)?.linesChecked ?? (patches.length === 1 ? result.linesChecked : 0),
    });
  }
  return units;
}

/** Notes that belong to no unit (a second cover letter, a message without a diff, ...). */
export function looseNotes(result: ReviewResult, units: readonly ReportUnit[]): InputNote[] {
  const placed = new Set(units.flatMap((u) => u.notes));
  return result.notes.filter((n) => !placed.has(n));
}

function patchName(p: ReviewedPatch, all: readonly ReviewedPatch[], git: boolean): { name: string; prefixName: string } {
  const source = p.source;
  if (git && source) return { name: `Commit ${source.slice(0, 12)} ("${p.subject}")`, prefixName: source };
  if (source === '-') return { name: 'Your patch', prefixName: '-' };
  const label = `[PATCH ${p.index}/${p.total}] ${p.subject}`.trimEnd();
  if (source === undefined) return { name: label, prefixName: 'patch' };
  const shared = all.filter((q) => q.source === source).length > 1;
  return { name: shared ? `${source} (${label})` : source, prefixName: source };
}
