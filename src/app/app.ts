import { randomUUID } from 'node:crypto';
import type { Context, Probot } from 'probot';
import type { ReviewLimits, Target } from '../types.js';
import type { Reviewer } from '../review/reviewer.js';
import type { GitHubApi } from './github-api.js';
import { isOurRerequest, isRerunComment, PULL_REQUEST_ACTIONS, repoOf, type CheckRunPayload, type CommentPayload, type PullRequestPayload } from './events.js';
import { KeyedLock } from './keyed-lock.js';
import { DEFAULT_MAX_PAYLOAD_BYTES, limitPayloads } from './payload-limit.js';
import { RecentReviews } from './recent-reviews.js';
import type { ReviewClaims } from './review-claims.js';
import { octokitApi } from './octokit-api.js';
import { DEFAULT_RETRY, type RetryPolicy } from './retry-policy.js';
import { reviewerCache } from './reviewer-cache.js';
import { CHECK_NAME, runReviewJob, type ReviewRequest } from './review-job.js';
import type { Sleep } from './with-retry.js';

export interface AppOptions {
  retry?: RetryPolicy;
  sleep?: Sleep;
  version?: string;
  reviewerFor?: (target: Target, core: readonly string[], limits: ReviewLimits) => Promise<Reviewer>;
  now?: () => number;
  /** The App's id when GET /app cannot be read (from APP_ID). */
  appId?: number;
  /** Webhook bodies larger than this are refused with 413 (default DEFAULT_MAX_PAYLOAD_BYTES). */
  maxPayloadBytes?: number;
  /** Shared between replicas (REDIS_URL): a head is reviewed by one replica at a time. */
  claims?: ReviewClaims;
}

type AnyContext = Context<'pull_request' | 'issue_comment' | 'check_run'>;

const errorText = (e: unknown) => (e instanceof Error ? e.message.split('\n', 1)[0]! : String(e));

/** The probot application: reviews pull requests on the events of issue 4's scope. */
export function createApp(options: AppOptions = {}) {
  return (app: Probot): void => {
    limitPayloads(app, options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES);
    const lock = new KeyedLock();
    const reviewerFor = options.reviewerFor ?? reviewerCache();
    const retry = options.retry ?? DEFAULT_RETRY;
    const recent = new RecentReviews();
    let identity: Promise<{ id: number; slug: string | null }> | undefined;
    // The App's id and bot account, from GET /app; without it, the id from APP_ID and no slug.
    const whoAmI = () => {
      identity ??= (async () => {
        try {
          const octokit = await app.auth();
          const { data } = await octokit.rest.apps.getAuthenticated();
          if (data) return { id: data.id, slug: data.slug ?? null };
        } catch (e) {
          if (!options.appId) throw e;
          app.log.warn(`GET /app failed (${errorText(e)}); using APP_ID ${options.appId}`);
        }
        if (!options.appId) throw new Error('GET /app returned nothing');
        return { id: options.appId, slug: null };
      })();
      identity.catch(() => (identity = undefined));
      return identity;
    };

    const apiFor = (context: AnyContext, owner: string, repo: string): GitHubApi =>
      octokitApi(context.octokit, owner, repo, {
        retry,
        ...(options.sleep ? { sleep: options.sleep } : {}),
        onRetry: (ms, e) => context.log.warn(`GitHub request failed (${errorText(e)}); retrying in ${ms} ms`),
      });

    const review = async (context: AnyContext, request: ReviewRequest | null, api: GitHubApi) => {
      if (!request) return;
      const me = await whoAmI();
      const key = `${request.owner}/${request.repo}#${request.number}`;
      const head = `${key}@${request.headSha}`;
      const outcome = await lock.run(key, async () => {
        if (!request.force && recent.has(head)) return { kind: 'skipped' as const, why: 'this process already reviewed this head' };
        const done = await runReviewJob(request, {
          api,
          appId: me.id,
          botLogin: me.slug === null ? null : `${me.slug}[bot]`,
          reviewerFor,
          log: { info: (m) => context.log.info(m), warn: (m) => context.log.warn(m), error: (m) => context.log.error(m) },
          now: options.now ?? Date.now,
          version: options.version ?? 'dev',
          ...(options.claims ? { claims: options.claims, token: randomUUID() } : {}),
        });
        if (done.kind === 'reviewed') recent.add(head);
        return done;
      });
      context.log.info(`memcg-review ${key}@${request.headSha.slice(0, 7)}: ${JSON.stringify(outcome)}`);
    };

    const guarded = (fn: (context: AnyContext) => Promise<void>) => async (context: AnyContext) => {
      try {
        await fn(context);
      } catch (e) {
        context.log.error(`memcg-review: ${errorText(e)}`);
      }
    };

    app.on(
      PULL_REQUEST_ACTIONS.map((a) => `pull_request.${a}` as const),
      guarded(async (context) => {
        const p = context.payload as unknown as PullRequestPayload;
        const { owner, repo } = repoOf(p);
        const request: ReviewRequest = {
          owner, repo, number: p.number,
          headSha: p.pull_request.head.sha, baseSha: p.pull_request.base.sha,
          draft: p.pull_request.draft ?? false, force: false,
          ...(p.action === 'synchronize' && p.before ? { before: p.before } : {}),
        };
        await review(context, request, apiFor(context, owner, repo));
      }),
    );

    app.on('issue_comment.created', guarded(async (context) => {
      const p = context.payload as unknown as CommentPayload;
      if (!isRerunComment(p)) return;
      const { owner, repo } = repoOf(p);
      const api = apiFor(context, owner, repo);
      const pull = await api.getPull(p.issue.number);
      if (pull.state !== 'open') return;
      await review(context, { owner, repo, number: pull.number, headSha: pull.headSha, baseSha: pull.baseSha, draft: pull.draft, force: true }, api);
    }));

    app.on('check_run.rerequested', guarded(async (context) => {
      const p = context.payload as unknown as CheckRunPayload;
      const me = await whoAmI();
      if (!isOurRerequest(p, CHECK_NAME, me.id)) return;
      const { owner, repo } = repoOf(p);
      const api = apiFor(context, owner, repo);
      const numbers = p.check_run.pull_requests.length > 0 ? p.check_run.pull_requests.map((x) => x.number) : await api.pullsForSha(p.check_run.head_sha);
      for (const n of numbers) {
        const pull = await api.getPull(n);
        if (pull.headSha !== p.check_run.head_sha) continue;
        await review(context, { owner, repo, number: n, headSha: pull.headSha, baseSha: pull.baseSha, draft: pull.draft, force: true }, api);
      }
    }));
  };
}
