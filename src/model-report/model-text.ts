import { columns } from './columns.js';
import { flagsLine } from './flags-line.js';
import { Footnotes } from './footnotes.js';
import type { ModelView } from './model-view.js';
import { outsideRcuPhrase } from './outside-rcu.js';

/** The model of one generation as plain text: summary, states, the helper x state matrix, footnoted conditions. */
export function modelText(view: ModelView): string {
  const notes = new Footnotes();
  const states = view.states.map((s) => s.id);
  const lines = [`memcg model: ${view.target}`, view.summary, flagsLine(view), ...measuredLines(view), '', 'States'];
  lines.push(...columns([['state', view.measured && 'source' in view.measured ? 'word in the tree' : `word in ${view.target}`, 'legacy (<= 5.10)', 'description'], ...view.states.map((s) => [s.id, s.word, s.legacy, s.description])]));
  lines.push('', view.measured && 'source' in view.measured ? "The tree's helpers on each state, as measured, under rcu_read_lock()" : 'Helpers on each state, under rcu_read_lock()');
  lines.push(...columns([['helper', 'takes', ...states], ...view.helpers.map((h) => [h.name, h.takes, ...states.map((s) => notes.cell(h.outcomes[s]))])]));
  const outside = view.helpers.filter((h) => Object.keys(h.outsideRcu).length > 0);
  if (outside.length > 0) {
    lines.push('', 'Outside rcu_read_lock()');
    lines.push(...outside.map((h) => `  ${h.name}: ${outsideRcuPhrase(h, (o) => notes.cell(o))}`));
  }
  const entries = notes.entries();
  if (entries.length > 0) {
    lines.push('', 'Preconditions that trip');
    lines.push(...entries.map((e) => `  [${e.n}] ${e.text}`));
  }
  if (view.measured && 'source' in view.measured && view.measured.notMeasured.length > 0) {
    lines.push('', 'Not measured (the preset holds for them)');
    lines.push(...view.measured.notMeasured.map((n) => `  ${n.helper}: ${n.reason}`));
  }
  return `${lines.join('\n')}\n`;
}

/** Where the helpers' table comes from, when a tree was given. */
function measuredLines(view: ModelView): string[] {
  if (!view.measured) return [];
  if ('preset' in view.measured) return [`the ${view.target} preset: the tree's helpers could not be measured (${view.measured.preset})`];
  return [`measured: ${view.measured.source}, compiled and run on every state; the word as ${view.measured.layout}`];
}
