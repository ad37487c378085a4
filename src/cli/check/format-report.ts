import type { ReviewResult } from '../../review/result.js';
import { formatB4 } from '../../report/b4.js';
import { formatCheckpatch, type CheckpatchOptions } from '../../report/checkpatch.js';
import { formatJson } from '../../report/json.js';
import { formatText } from '../../report/text.js';
import type { OutputFormat } from './args.js';
import { visibleControls } from '../shared/visible-controls.js';

/** The report in a format; the formats for a terminal show control characters instead of obeying them (JSON escapes them). */
export function formatReport(result: ReviewResult, format: OutputFormat, version: string, checkpatch: CheckpatchOptions = {}): string {
  if (format === 'checkpatch') return visibleControls(formatCheckpatch(result, checkpatch));
  if (format === 'b4') return formatB4(result);
  return format === 'json' ? formatJson(result, version) : visibleControls(formatText(result));
}
