import { LineIndex } from '../text/line-index.js';
import type { Finding } from '../types.js';

/** One numbered source line of an excerpt; `hit` marks the lines the finding spans. */
export interface ExcerptLine {
  number: number;
  text: string;
  hit: boolean;
}

/** The lines a finding spans with `context` lines around, tabs expanded to 8 columns. */
export function excerpt(source: string, finding: Finding, context = 2, index = new LineIndex(source)): ExcerptLine[] {
  const first = Math.max(1, finding.line - context);
  const last = Math.min(index.lineCount, finding.endLine + context);
  const out: ExcerptLine[] = [];
  for (let n = first; n <= last; n++) out.push({ number: n, text: expandTabs(index.lineText(n)), hit: n >= finding.line && n <= finding.endLine });
  return out;
}

export function expandTabs(line: string): string {
  let out = '';
  for (const c of line) out += c === '\t' ? ' '.repeat(8 - (out.length % 8)) : c;
  return out;
}
