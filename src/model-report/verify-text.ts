import { ALL_STATES } from '../model/states.js';
import { cellText, outcomeText } from '../verify/observed.js';
import { disagreements, type VerifyCase, type VerifyResult } from '../verify/verify-result.js';
import { columns } from './columns.js';

/** Where the helpers came from: the tree as given, and how the generation was chosen when it was read from the tree. */
export interface VerifySource {
  tree: string;
  detected?: string;
}

function where(c: VerifyCase): string {
  return c.underRcu ? c.state : `${c.state} outside rcu_read_lock()`;
}

/** `model verify` as text: the tree's outcomes as a table, every disagreement, what was not run, a verdict. */
export function verifyText(result: VerifyResult, source: VerifySource): string {
  const how = source.detected ? ` (read from the tree: ${source.detected})` : '';
  const lines = [`model verify: ${source.tree}/include/linux/memcontrol.h against the ${result.target} model${how}`, ''];
  lines.push("The tree's helpers on each state, under rcu_read_lock() (! marks a disagreement, here or outside rcu_read_lock()):");
  const rows = result.helpers.map((helper) => [
    helper,
    ...ALL_STATES.map((state) => {
      const both = result.cases.filter((c) => c.helper === helper && c.state === state);
      const shown = both.find((c) => c.underRcu) ?? both[0];
      return shown ? `${cellText(shown.tree)}${both.every((c) => c.agree) ? '' : ' !'}` : '-';
    }),
  ]);
  lines.push(...columns([['helper', ...ALL_STATES], ...rows]));
  const bad = disagreements(result);
  if (bad.length > 0) {
    lines.push('', 'Disagreements (helper, state: model says, tree says):');
    lines.push(...bad.map((c) => `  ${c.helper}, ${where(c)}: model says ${outcomeText(c.model)}, tree says ${outcomeText(c.tree)}`));
  }
  if (result.skipped.length > 0) {
    lines.push('', 'Not run:');
    lines.push(...result.skipped.map((s) => `  ${s.helper}: ${s.reason}`));
  }
  const n = result.helpers.length;
  const badHelpers = new Set(bad.map((c) => c.helper)).size;
  lines.push(
    '',
    bad.length === 0
      ? `verdict: the tree's ${n} helper${n === 1 ? '' : 's'} agree with the ${result.target} model on every state, under rcu_read_lock() and outside it (${result.cases.length} cases)`
      : `verdict: ${badHelpers} of ${n} helpers disagree with the ${result.target} model (${bad.length} of ${result.cases.length} cases)`,
  );
  return `${lines.join('\n')}\n`;
}
