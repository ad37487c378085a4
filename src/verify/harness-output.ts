import { ALL_STATES, type StateId } from '../model/states.js';
import type { Observed } from './observed.js';

/** One line of the harness's output: a helper on a state, under rcu_read_lock() or outside it. */
export interface TreeOutcome {
  helper: string;
  state: StateId;
  underRcu: boolean;
  tree: Observed;
}

const KINDS = new Set<Observed['kind']>(['value', 'BUG', 'WARN', 'FAULT']);

/** Reads what the harness printed (see HARNESS_MAIN); a line it cannot read is an error. */
export function parseHarnessOutput(stdout: string): TreeOutcome[] {
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [helper, state, rcu, kind, ...text] = line.split('\t');
      if (!helper || !ALL_STATES.includes(state as StateId) || (rcu !== '0' && rcu !== '1') || !KINDS.has(kind as Observed['kind'])) {
        throw new Error(`unexpected line from the harness: ${JSON.stringify(line)}`);
      }
      return { helper, state: state as StateId, underRcu: rcu === '1', tree: { kind: kind as Observed['kind'], text: text.join('\t') } };
    });
}
