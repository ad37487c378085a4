/** A finding of `check --format json`, as far as the annotations need it. */
interface JsonFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  patch?: { index: number; subject: string };
  fix?: { verdict: string };
}

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/**
 * GitHub workflow commands (`::error file=...,line=...::message`) for the findings of a JSON
 * report of check: GitHub shows them on the pull request's lines. Columns only on one-line spans.
 */
export function annotations(jsonReport: string): string[] {
  const report = JSON.parse(jsonReport) as { findings?: JsonFinding[] };
  return (report.findings ?? []).map((f) => {
    const props = [`file=${f.file}`, `line=${f.line}`, `endLine=${f.endLine}`];
    if (f.line === f.endLine) props.push(`col=${f.column}`, `endColumn=${f.endColumn}`);
    props.push(`title=memcg-review ${f.ruleId}`);
    const where = f.patch ? ` [PATCH ${f.patch.index}: ${f.patch.subject}]` : '';
    const how = { proven: 'memcg-review check --diff', assumed: 'memcg-review check --diff=assumed', conditional: 'memcg-review check shows it' } as Record<string, string>;
    const fix = f.fix ? ` (a ${f.fix.verdict} fix is offered: ${how[f.fix.verdict] ?? 'memcg-review check'})` : '';
    return `::${COMMAND[f.severity]} ${props.map(escapeProperty).join(',')}::${escapeData(f.message + fix + where)}`;
  });
}

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A `name=value` property: the value escaped as data plus ':' and ','. */
function escapeProperty(prop: string): string {
  const eq = prop.indexOf('=');
  return prop.slice(0, eq + 1) + escapeData(prop.slice(eq + 1)).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
