import type { ReviewResult } from '../review/result.js';
import { formatJson } from '../report/json.js';
import { formatText } from '../report/text.js';
import type { OutputFormat } from './args.js';

export function formatReport(result: ReviewResult, format: OutputFormat, version: string): string {
  return format === 'json' ? formatJson(result, version) : formatText(result);
}
