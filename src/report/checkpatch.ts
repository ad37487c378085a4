import type { Finding, Severity } from '../types.js';
import type { ReviewResult } from '../review/result.js';
import { sourceKey } from '../review/result.js';
import { LineIndex } from '../text/line-index.js';
import { clipLine } from './clip-line.js';
import { checkpatchType } from './checkpatch-type.js';
import { locationKey, type PatchLocations } from './patch-locations.js';
import { looseNotes, reportUnits, type ReportUnit } from './report-units.js';

/** checkpatch.pl's output variants: --terse, --emacs, --showfile, --no-summary. */
export interface CheckpatchStyle {
  /** One line per report (implies emacs and quiet, as in checkpatch). */
  terse: boolean;
  /** `NAME:LINE: ` in front of each report, for emacs' compile window. */
  emacs: boolean;
  /** `FILE:LINE: ` of the reviewed file in front of each report, instead of the patch's `#N` line. */
  showFile: boolean;
  /** The `total:` line of each file. */
  summary: boolean;
  /** --strict: CHECKs count against the verdict too, as in checkpatch. */
  strict: boolean;
}

export interface CheckpatchOptions {
  style?: Partial<CheckpatchStyle>;
  /** Where each patch's added lines are in the patch: checkpatch's `#N`. */
  locations?: PatchLocations;
  /** The patches are commits (--git): their sources are commit ids. */
  git?: boolean;
  /** Rule ids selected with --types / dropped with --ignore, named in a closing NOTE as checkpatch does. */
  used?: readonly string[];
  ignored?: readonly string[];
}

const LEVEL: Record<Severity, string> = { error: 'ERROR', warning: 'WARNING', info: 'CHECK' };

/**
 * The report in checkpatch.pl's layout: per file (or patch) each report as `LEVEL:TYPE: message`,
 * `#N: FILE: path:line:` and the added line, then `total: ...` and the verdict; a header per file
 * when there are several. TYPE is the rule id in checkpatch's spelling (MEMCG_FIELD_READ).
 */
export function formatCheckpatch(result: ReviewResult, options: CheckpatchOptions = {}): string {
  const style: CheckpatchStyle = { terse: false, emacs: false, showFile: false, summary: true, strict: false, ...options.style };
  const quiet = style.terse;
  const units = reportUnits(result, options.locations, options.git === true);
  const out: string[] = [];
  const indexes = new Map<string, LineIndex>();
  for (const unit of units) {
    if (units.length > 1 && !quiet) out.push('-'.repeat(unit.name.length), unit.name, '-'.repeat(unit.name.length));
    for (const f of unit.findings) out.push(...report(result, unit, f, style, indexes, options.locations));
    const clean = unit.findings.length === 0;
    if (style.summary && !(clean && quiet)) out.push(total(unit));
    if (quiet) continue;
    for (const n of unit.notes) out.push('', `NOTE: ${n.file ? `${n.file}: ` : ''}${n.message}`);
    if (unit.findings.some((f) => f.fix)) out.push('', 'NOTE: memcg-review can apply the proposed fixes with --fix, or print them with --diff.');
    if (options.used?.length) out.push('', `NOTE: Used message types: ${options.used.map(checkpatchType).join(' ')}`);
    if (options.ignored?.length) out.push('', `NOTE: Ignored message types: ${options.ignored.map(checkpatchType).join(' ')}`);
    out.push('', verdict(unit, style.strict));
  }
  if (!quiet) for (const n of looseNotes(result, units)) out.push(`NOTE: ${n.file ? `${n.file}: ` : ''}${n.message}`);
  for (const e of result.errors) out.push(`ERROR: memcg-review failed: ${e}`);
  return out.length > 0 ? out.join('\n') + '\n' : '';
}

function report(result: ReviewResult, unit: ReportUnit, f: Finding, style: CheckpatchStyle, indexes: Map<string, LineIndex>, locations?: PatchLocations): string[] {
  const patchLine = unit.patchIndex === undefined ? undefined : locations?.get(unit.patchIndex)?.lines.get(locationKey(f.file, f.line));
  let prefix = '';
  if (style.showFile) prefix = `${f.file}:${f.line}: `;
  else if (style.emacs || style.terse) prefix = `${unit.prefixName}:${patchLine ?? f.line}: `;
  const head = `${prefix}${LEVEL[f.severity]}:${checkpatchType(f.ruleId)}: ${f.message}`;
  if (style.terse) return [head];
  const lines = [head];
  if (!style.showFile) lines.push(`${patchLine === undefined ? '' : `#${patchLine}: `}FILE: ${f.file}:${f.line}:`);
  const key = sourceKey(f.file, f.patch?.index);
  const source = result.sources.get(key);
  if (source !== undefined) {
    if (!indexes.has(key)) indexes.set(key, new LineIndex(source));
    lines.push('+' + clipLine(indexes.get(key)!.lineText(f.line), f).text);
  }
  lines.push('');
  return lines;
}

/** checkpatch's rule: ERRORs and WARNINGs make a unit not clean, CHECKs only under --strict. */
function verdict(unit: ReportUnit, strict: boolean): string {
  const blocking = unit.findings.filter((f) => strict || f.severity !== 'info');
  if (blocking.length > 0) return `${unit.name} has open-coded memcg accesses, please review.`;
  if (unit.findings.length > 0) return `${unit.name} has only checks to consider and is ready for submission.`;
  return `${unit.name} has no open-coded memcg accesses and is ready for submission.`;
}

function total(unit: ReportUnit): string {
  const count = (s: Severity) => unit.findings.filter((f) => f.severity === s).length;
  return `total: ${count('error')} errors, ${count('warning')} warnings, ${count('info')} checks, ${unit.linesChecked} lines checked`;
}
