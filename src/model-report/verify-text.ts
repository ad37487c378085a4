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
  const own = result.contract ? result.measuredOnly.map((h) => result.contract!.helpers[h]!).filter(Boolean) : [];
  if (own.length > 0) {
    lines.push('', `The tree's own helpers, which the ${result.target} preset does not have (measured, not compared; under rcu_read_lock(), * where outside it differs):`);
    lines.push(...columns([['helper', ...ALL_STATES], ...own.map((m) => [m.name, ...ALL_STATES.map((s) => `${cellText(m.outcomes[s].underRcu)}${cellText(m.outcomes[s].outsideRcu) === cellText(m.outcomes[s].underRcu) ? '' : ` *${cellText(m.outcomes[s].outsideRcu)}`}`)])]));
  }
  if (result.contract) lines.push('', `The word on each state: ${result.contract.layout}.`);
  if (result.skipped.length > 0) {
    lines.push('', 'Not run:');
    lines.push(...result.skipped.map((s) => `  ${s.helper}: ${s.reason}`));
  }
  lines.push('', verdictLine(result));
  return `${lines.join('\n')}\n`;
}

/** Raw-word expressions are the model's, not helpers a tree defines: never "left out". */
export function leftOut(result: VerifyResult): string[] {
  return result.skipped.filter((s) => !/^raw word /.test(s.helper)).map((s) => s.helper);
}

/**
 * The verdict: agreement is claimed only for the helpers that ran and agree; every helper left
 * out is named and no agreement is claimed for it; the tree's own helpers are said to be measured.
 */
export function verdictLine(result: VerifyResult): string {
  const bad = disagreements(result);
  const n = result.helpers.length;
  const badHelpers = [...new Set(bad.map((c) => c.helper))];
  const out = leftOut(result);
  const head =
    bad.length === 0
      ? `the ${n} helper${n === 1 ? '' : 's'} run agree${n === 1 ? 's' : ''} with the ${result.target} model on every state, under rcu_read_lock() and outside it (${result.cases.length} cases)`
      : `${badHelpers.length} of ${n} helpers disagree with the ${result.target} model (${bad.length} of ${result.cases.length} cases: ${badHelpers.join(', ')})`;
  const own = result.measuredOnly.length > 0 ? `; ${result.measuredOnly.length} of the tree's own measured, not compared (${result.measuredOnly.join(', ')})` : '';
  const none = out.length > 0 ? `; ${out.length} left out, no agreement claimed (${out.join(', ')})` : '; none left out';
  return `verdict: ${head}${own}${none}`;
}
