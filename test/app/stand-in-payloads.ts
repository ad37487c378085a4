import { repoJson, type GitHubStandIn } from '../../tools/stand-in/github-stand-in.js';

export { pullRequestPayload } from '../../tools/stand-in/payloads.js';

export function repoJsonOf(s: GitHubStandIn): Record<string, unknown> {
  return repoJson(s.repo);
}
