import type { GitHubStandIn } from './github-stand-in.js';
import { repoJson } from './github-stand-in.js';

/** A `pull_request` delivery for the stand-in's pull request, shaped like GitHub's (trimmed to what matters). */
export function pullRequestPayload(standIn: GitHubStandIn, action: string, extra: Record<string, unknown> = {}, number = standIn.options.prNumber): Record<string, unknown> {
  const repository = repoJson(standIn.repo);
  return {
    action,
    number,
    pull_request: { ...standIn.pullJson(number), id: 9000 + number, node_id: `PR_standin${number}`, user: { login: 'ada', type: 'User' } },
    repository,
    installation: { id: standIn.options.installationId, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==' },
    sender: { login: 'ada', id: 1, type: 'User' },
    ...extra,
  };
}
