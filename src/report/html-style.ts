/** The HTML report's whole style sheet, inlined: no fonts, images or scripts from anywhere. */
export const HTML_STYLE = `
:root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff; --code: #f6f8fa;
  --error: #cf222e; --warning: #9a6700; --info: #0969da; --proven: #1a7f37; --assumed: #4d8c2a; --conditional: #bf8700; --none: #cf222e; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 24px; color: var(--fg); background: var(--bg);
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
h1 { font-size: 22px; margin: 0 0 8px; } h2 { font-size: 18px; margin: 28px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 18px 0 8px; }
code, pre { font: 12.5px/1.45 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
ul.summary { padding-left: 18px; color: var(--muted); }
table { border-collapse: collapse; margin: 8px 0; } th, td { border: 1px solid var(--line); padding: 4px 10px; text-align: right; }
th:first-child, td:first-child { text-align: left; } th { background: var(--code); }
#chart .label { font-size: 12px; fill: var(--fg); } #chart .count { font-size: 12px; fill: var(--muted); }
#chart text { font-family: system-ui, sans-serif; font-size: 12px; }
.seg.proven { fill: var(--proven); } .seg.assumed { fill: var(--assumed); } .seg.conditional { fill: var(--conditional); } .seg.none { fill: var(--none); } .seg.check { fill: #afb8c1; }
section.file { margin: 16px 0; } section.file > h3 code { background: var(--code); padding: 2px 6px; border-radius: 4px; }
article.finding { border: 1px solid var(--line); border-left: 4px solid var(--info); border-radius: 6px; padding: 10px 12px; margin: 10px 0; }
article.finding.error { border-left-color: var(--error); } article.finding.warning { border-left-color: var(--warning); }
.head { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
.badge { font-size: 11px; font-weight: 600; padding: 1px 7px; border-radius: 10px; color: #fff; background: var(--info); text-transform: uppercase; }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); }
.badge.proven { background: var(--proven); } .badge.assumed { background: var(--assumed); } .badge.conditional { background: var(--conditional); } .badge.nofix { background: var(--muted); }
.where { color: var(--muted); }
pre { background: var(--code); border-radius: 6px; padding: 8px 10px; overflow-x: auto; margin: 8px 0; }
pre .ln { color: var(--muted); user-select: none; } pre .hit { background: #fff8c5; display: inline-block; min-width: 100%; }
pre .del { color: var(--error); } pre .add { color: var(--proven); }
.explanation { color: var(--muted); margin: 4px 0 0; }
.empty { color: var(--proven); font-weight: 600; }
dl.totals { display: flex; flex-wrap: wrap; gap: 8px; margin: 12px 0; }
dl.totals div { border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px; min-width: 110px; }
dl.totals dt { color: var(--muted); font-size: 12px; } dl.totals dd { margin: 0; font-size: 20px; font-weight: 600; }
dl.totals .error dd { color: var(--error); } dl.totals .warning dd { color: var(--warning); } dl.totals .proven dd { color: var(--proven); }
p.hint { background: var(--code); border-radius: 6px; padding: 8px 12px; }
a.rule { color: var(--info); }
`;
