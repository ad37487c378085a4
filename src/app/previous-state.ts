import type { CheckRunInfo, GitHubApi } from './github-api.js';
import { readStateMarker, type ReviewState } from './markers.js';

export interface PreviousStateRef {
  headSha: string;
  before?: string;
}

/** The state of the last completed review: on this head (a re-run) or on the previous head (a push). */
export async function previousState(api: GitHubApi, req: PreviousStateRef, runs: readonly CheckRunInfo[], appId: number, checkName: string): Promise<ReviewState | null> {
  const fromRuns = (list: readonly CheckRunInfo[]) => {
    for (const run of [...list].sort((a, b) => b.id - a.id)) {
      const s = run.status === 'completed' ? readStateMarker(run.summary) : null;
      if (s?.ok) return s;
    }
    return null;
  };
  const here = fromRuns(runs);
  if (here || !req.before) return here;
  return fromRuns(await api.listCheckRuns(req.before, checkName, appId));
}
