import type { ActionInputs } from './action-inputs.js';
import type { ReviewRange } from './review-range.js';

/** One memcg-review run of the Action. */
export interface PlannedRun {
  command: 'check' | 'audit';
  /** Arguments after `memcg-review`. */
  argv: string[];
  /** Its findings (exit code 1) fail the job. */
  gate: boolean;
  /** The SARIF file it writes, for code scanning. */
  sarif?: string;
}

export interface ActionPlan {
  runs: PlannedRun[];
  /** Why a part of the mode is not run, for notice annotations. */
  notices: string[];
}

/**
 * What the Action runs: `check --git base..head` on the commits of the pull request (JSON, turned
 * into annotations; the gate), and `audit` of the tree as SARIF for code scanning when this
 * memcg-review has the audit command. With mode both the check is the gate; audit alone gates
 * by its own exit code.
 */
export function planAction(inputs: ActionInputs, range: ReviewRange | null, auditAvailable: boolean): ActionPlan {
  const plan: ActionPlan = { runs: [], notices: [] };
  const common = ['--target', inputs.target, '--fail-on', inputs.failOn];
  if (inputs.mode !== 'audit') {
    if (range) plan.runs.push({ command: 'check', argv: ['check', '--git', `${range.base}..${range.head}`, ...common, '--format', 'json'], gate: true });
    else plan.notices.push('memcg-review: no commits to check: not a pull request or push event; set the inputs base and head');
  }
  if (inputs.mode !== 'check') {
    if (auditAvailable) {
      plan.runs.push({
        command: 'audit',
        argv: ['audit', inputs.path, ...common, '--format', 'sarif', '--output', inputs.sarifFile],
        gate: inputs.mode === 'audit',
        sarif: inputs.sarifFile,
      });
    } else plan.notices.push('memcg-review: this version has no audit command: no SARIF for code scanning');
  }
  return plan;
}
