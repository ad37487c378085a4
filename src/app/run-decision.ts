import type { CheckRunInfo } from './github-api.js';
import { readStateMarker } from './markers.js';

/** An in-progress run younger than this is taken to be another delivery still at work. */
export const IN_PROGRESS_FRESH_MS = 10 * 60 * 1000;

export type RunDecision =
  | { action: 'skip'; why: string }
  | { action: 'reuse'; checkRunId: number }
  | { action: 'create' };

/**
 * What to do with the check runs already on the head commit: a delivery for a head that was
 * already reviewed with the same settings does nothing (a redelivery, a synchronize with nothing
 * new); a run another delivery is working on is left to it; a run left in progress too long is taken over.
 * A re-run that was asked for (check_run.rerequested, /memcg-review) always reviews again.
 */
export function decideRun(runs: readonly CheckRunInfo[], configHash: string, force: boolean, nowMs: number): RunDecision {
  const latest = [...runs].sort((a, b) => b.id - a.id)[0];
  if (!latest) return { action: 'create' };
  if (latest.status !== 'completed') {
    const started = latest.started_at ? Date.parse(latest.started_at) : NaN;
    if (Number.isFinite(started) && nowMs - started < IN_PROGRESS_FRESH_MS) return { action: 'skip', why: `check run ${latest.id} is in progress` };
    return { action: 'reuse', checkRunId: latest.id };
  }
  if (force) return { action: 'create' };
  const state = readStateMarker(latest.summary);
  if (state?.ok && state.config === configHash) return { action: 'skip', why: `check run ${latest.id} already reviewed this head` };
  return { action: 'create' };
}
