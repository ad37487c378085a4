import { flagsLine } from './flags-line.js';
import { Footnotes } from './footnotes.js';
import type { ModelView } from './model-view.js';
import { outsideRcuPhrase } from './outside-rcu.js';

/** Code in a table cell: backticks, with the cell separator escaped. */
function code(text: string): string {
  return `\`${text.replace(/\|/g, '\\|')}\``;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** The model of one generation as Markdown: the same content as the text report, as tables. */
export function modelMarkdown(view: ModelView): string {
  const notes = new Footnotes();
  const states = view.states.map((s) => s.id);
  const cell = (o: Parameters<Footnotes['cell']>[0]) => (o.kind === 'value' ? code(o.text) : notes.cell(o));
  const lines = [`## memcg model: ${view.target}`, '', `${view.summary}.`, '', `${flagsLine(view)}.`, '', ...(view.measured ? [`${'preset' in view.measured ? `The ${view.target} preset: the tree's helpers could not be measured (${view.measured.preset})` : `Measured: ${code(view.measured.source)}, compiled and run on every state; the word as ${view.measured.layout}`}.`, ''] : []), '### States', ''];
  lines.push(row(['state', view.measured && 'source' in view.measured ? 'word in the tree' : `word in ${view.target}`, 'legacy (<= 5.10)', 'description']), row(['---', '---', '---', '---']));
  lines.push(...view.states.map((s) => row([code(s.id), code(s.word), code(s.legacy), s.description])));
  lines.push('', '### Helpers on each state, under `rcu_read_lock()`', '');
  lines.push(row(['helper', 'takes', ...states]), row(['---', '---', ...states.map(() => '---')]));
  lines.push(...view.helpers.map((h) => row([code(h.name), h.takes, ...states.map((s) => cell(h.outcomes[s]))])));
  const outside = view.helpers.filter((h) => Object.keys(h.outsideRcu).length > 0);
  if (outside.length > 0) {
    lines.push('', '### Outside `rcu_read_lock()`', '');
    lines.push(...outside.map((h) => `- ${code(h.name)}: ${outsideRcuPhrase(h, cell)}`));
  }
  const entries = notes.entries();
  if (entries.length > 0) {
    lines.push('', '### Preconditions that trip', '');
    lines.push(...entries.map((e) => `${e.n}. ${code(e.text)}`));
  }
  return `${lines.join('\n')}\n`;
}
