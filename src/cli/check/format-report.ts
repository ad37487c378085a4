import type { ReviewResult } from '../../review/result.js';
import { formatB4 } from '../../report/b4.js';
import { formatCheckpatch, type CheckpatchOptions } from '../../report/checkpatch.js';
import { formatJson } from '../../report/json.js';
import { formatText } from '../../report/text.js';
import type { OutputFormat } from './args.js';
import { visibleControls } from '../shared/visible-controls.js';
import { colorReport, NO_COLORS, type Palette } from '../../report/colors.js';
import type { TextOptions } from '../../report/text.js';

/** How a report for a terminal looks: its colours (none by default) and --verbose. */
export interface TextLook extends TextOptions {
  palette?: Palette;
}

/** The report in a format; the formats for a terminal show control characters instead of obeying them (JSON escapes them). */
export function formatReport(result: ReviewResult, format: OutputFormat, version: string, checkpatch: CheckpatchOptions = {}, text: TextLook = {}): string {
  const palette = text.palette ?? NO_COLORS;
  if (format === 'checkpatch') return colorReport(visibleControls(formatCheckpatch(result, checkpatch)), palette);
  if (format === 'b4') return formatB4(result);
  return format === 'json' ? formatJson(result, version) : colorReport(visibleControls(formatText(result, text)), palette);
}
