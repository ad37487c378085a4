import type { GroupCount } from './audit-counts.js';
import { htmlEscape } from './html-escape.js';

const BAR = 22;
const GAP = 8;
const LABEL_WIDTH = 190;
const PLOT_WIDTH = 520;
const SEGMENT_TITLE: Record<string, string> = {
  proven: 'errors and warnings with a proven fix',
  conditional: 'errors and warnings with a conditional fix',
  none: 'errors and warnings without a fix',
  check: 'checks (info), nothing to fix',
};

/**
 * A horizontal stacked bar chart, as inline SVG, of the sites that remain per subsystem: the
 * errors and warnings with a proven fix, with a conditional fix, with none; then, kept apart in
 * grey, the checks (info: comments that name a removed field, code that is right). Largest
 * first; each bar says its counts. `groups` counts every finding (by severity and fix).
 */
export function subsystemChart(groups: readonly GroupCount[], checks: ReadonlyMap<string, number> = new Map()): string {
  const sorted = [...groups].sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : 1));
  const max = Math.max(1, ...sorted.map((g) => g.total));
  const height = sorted.length * (BAR + GAP) + GAP + 24;
  const width = LABEL_WIDTH + PLOT_WIDTH + 60;
  const scale = (n: number) => (n / max) * PLOT_WIDTH;
  const bars = sorted.map((g, i) => {
    const y = GAP + i * (BAR + GAP);
    const info = checks.get(g.key) ?? 0;
    const parts: [string, number][] = [['proven', g.proven], ['assumed', g.assumed], ['conditional', g.conditional], ['none', g.total - info - g.proven - g.assumed - g.conditional], ['check', info]];
    let x = LABEL_WIDTH;
    const rects = parts
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => {
        const rect = `<rect class="seg ${kind}" x="${x.toFixed(1)}" y="${y}" width="${Math.max(1, scale(n)).toFixed(1)}" height="${BAR}"><title>${htmlEscape(g.key)}: ${n} ${SEGMENT_TITLE[kind]}</title></rect>`;
        x += scale(n);
        return rect;
      });
    return (
      `<g class="bar" data-subsystem="${htmlEscape(g.key)}" data-total="${g.total}" data-checks="${info}">` +
      `<text class="label" x="${LABEL_WIDTH - 8}" y="${y + BAR / 2}" text-anchor="end" dominant-baseline="middle">${htmlEscape(g.key)}</text>` +
      rects.join('') +
      `<text class="count" x="${(x + 6).toFixed(1)}" y="${y + BAR / 2}" dominant-baseline="middle">${g.total - info}${info > 0 ? ` + ${info} check${info === 1 ? '' : 's'}` : ''}</text></g>`
    );
  });
  const legendY = height - 10;
  const legend = [['proven', 'proven fix'], ['assumed', 'assumed fix'], ['conditional', 'conditional fix'], ['none', 'no fix'], ['check', 'check (info)']]
    .map(([kind, text], i) => `<rect class="seg ${kind}" x="${LABEL_WIDTH + i * 140}" y="${legendY - 10}" width="12" height="12"/><text x="${LABEL_WIDTH + i * 140 + 18}" y="${legendY}">${text}</text>`)
    .join('');
  return `<svg id="chart" role="img" aria-label="Remaining sites per subsystem" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${bars.join('')}<g class="legend">${legend}</g></svg>`;
}
