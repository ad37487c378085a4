#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildFixtureRepo } from '../stand-in/fixture-repo.js';
import { GitHubStandIn } from '../stand-in/github-stand-in.js';
import { startAppSession, type AppSession } from '../stand-in/app-session.js';
import { pullRequestPayload } from '../stand-in/payloads.js';
import { readTree } from '../stand-in/read-tree.js';
import { formatPosted } from './format-posted.js';

/**
 * `npm run demo:app`: replays the bundled kernel-like pull request (fixtures/demo: a base tree and a
 * three-patch series, one commit each) against a local GitHub stand-in, with the real server
 * process, and prints the check run and the review as they would appear. Offline: loopback only.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const APP_ID = 4711;

async function main(): Promise<number> {
  const repo = buildFixtureRepo({
    baseTree: readTree(`${ROOT}fixtures/demo/tree`),
    series: readFileSync(`${ROOT}fixtures/demo/series.mbox`, 'utf8'),
    config: 'target: v5.11\nmaxComments: 30\n',
  });
  const standIn = new GitHubStandIn(repo, { appId: APP_ID, appSlug: 'memcg-review', installationId: 77, prNumber: 17 });
  await standIn.start();
  let session: AppSession | undefined;
  const stopOnSignal = () => void session?.stop().finally(() => process.exit(130));
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  try {
    session = await startAppSession({ root: ROOT, appId: APP_ID, standIn });
    process.stdout.write(`GitHub stand-in on http://${standIn.host}/api/v3, memcg-review (probot) on http://127.0.0.1:${session.port}\n`);
    process.stdout.write(`pull request #17 of ${repo.owner}/${repo.name}: ${repo.commits.length} commits\n\n`);
    const payload = pullRequestPayload(standIn, 'opened');
    const first = await session.deliver('pull_request', payload, { id: 'demo-delivery-1' });
    await standIn.state.waitFor(() => standIn.state.checkRuns.some((r) => r.status === 'completed'));
    process.stdout.write(`delivery pull_request.opened: HTTP ${first.status}\n\n${formatPosted(standIn.state)}\n`);
    const writes = standIn.state.writes().length;
    const again = await session.deliver('pull_request', payload, { id: 'demo-delivery-1' });
    process.stdout.write(`redelivery of the same event: HTTP ${again.status}, ${standIn.state.writes().length - writes} new writes\n`);
    const bad = await session.deliver('pull_request', payload, { signature: 'sha256=' + '0'.repeat(64) });
    process.stdout.write(`delivery with a bad signature: HTTP ${bad.status}\n`);
    return 0;
  } finally {
    await session?.stop();
    await standIn.stop();
  }
}

// A reader that went away (`| head`) must not leave the server running: ignore EPIPE, let main() clean up.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
});

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    process.stderr.write(`demo:app: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
