import { repoJson, type GitHubStandIn } from '../../src/app/stand-in/github-stand-in.js';

export { pullRequestPayload } from '../../src/app/stand-in/payloads.js';

export function repoJsonOf(s: GitHubStandIn): Record<string, unknown> {
  return repoJson(s.repo);
}
