import { cellText, type Observed } from '../verify/observed.js';
import type { HelperRow } from './model-view.js';

/** How a helper differs outside rcu_read_lock(): each outcome with the states it holds on; [] when it does not. */
export function outsideRcuGroups(h: HelperRow): { outcome: Observed; states: string[] }[] {
  const groups = new Map<string, { outcome: Observed; states: string[] }>();
  for (const [state, outcome] of Object.entries(h.outsideRcu)) {
    const key = `${outcome.kind}\t${outcome.text}`;
    const group = groups.get(key) ?? { outcome, states: [] };
    group.states.push(state);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** `WARN on uncharged, user` style, for a reporter that footnotes conditions itself (`cell`). */
export function outsideRcuPhrase(h: HelperRow, cell: (o: Observed) => string = cellText): string {
  return outsideRcuGroups(h)
    .map((g) => `${cell(g.outcome)} on ${g.states.join(', ')}`)
    .join('; ');
}
