import type { Severity } from '../types.js';

/**
 * Terminal colours as checkpatch.pl uses them: ERROR red, WARNING yellow, CHECK green, the type
 * blue; and as git colours a diff: added lines green, removed lines red, hunk headers cyan, file
 * headers bold. `none` leaves text as it is, so a reporter paints unconditionally.
 */
export interface Palette {
  severity(severity: Severity, text: string): string;
  type(text: string): string;
  added(text: string): string;
  removed(text: string): string;
  hunk(text: string): string;
  header(text: string): string;
}

const RESET = '\x1b[0m';
const paint = (code: string) => (text: string) => (text === '' ? text : `\x1b[${code}m${text}${RESET}`);
const SEVERITY: Record<Severity, (t: string) => string> = { error: paint('31'), warning: paint('33'), info: paint('32') };

export const COLORS: Palette = {
  severity: (s, t) => SEVERITY[s](t),
  type: paint('34'),
  added: paint('32'),
  removed: paint('31'),
  hunk: paint('36'),
  header: paint('1'),
};

const same = (t: string) => t;
export const NO_COLORS: Palette = { severity: (_s, t) => t, type: same, added: same, removed: same, hunk: same, header: same };

/** A unified diff with its lines coloured as git colours them. */
export function colorDiff(diff: string, palette: Palette): string {
  if (palette === NO_COLORS) return diff;
  return diff
    .split('\n')
    .map((line) => {
      if (line.startsWith('+++ ') || line.startsWith('--- ') || line.startsWith('diff ')) return palette.header(line);
      if (line.startsWith('@@')) return palette.hunk(line);
      if (line.startsWith('+')) return palette.added(line);
      if (line.startsWith('-')) return palette.removed(line);
      return line;
    })
    .join('\n');
}

const LEVEL_OF: Record<string, Severity> = { ERROR: 'error', WARNING: 'warning', CHECK: 'info' };
const REPORT_LINE = /^([^+\- ].*?:\d+: )?(ERROR|WARNING|CHECK)(?::([A-Z0-9_]+))?:/;
const FIX_LINE = /^( {2})(fix \([a-z]+\):)/;

/**
 * A finished text or checkpatch report coloured line by line: each `LEVEL:` (and checkpatch's
 * `TYPE:`) as checkpatch colours it, each `fix (verdict):` label green. Runs after control
 * characters of the input were made visible, so the only escapes are the ones added here.
 */
export function colorReport(report: string, palette: Palette): string {
  if (palette === NO_COLORS) return report;
  return report
    .split('\n')
    .map((line) => {
      const m = REPORT_LINE.exec(line);
      if (m) {
        const [whole, prefix = '', level, type] = m;
        const painted = palette.severity(LEVEL_OF[level!]!, `${level}:`) + (type === undefined ? '' : palette.type(`${type}:`));
        return prefix + painted + line.slice(whole.length);
      }
      const fix = FIX_LINE.exec(line);
      if (fix) return fix[1]! + palette.added(fix[2]!) + line.slice(fix[0].length);
      return line;
    })
    .join('\n');
}
