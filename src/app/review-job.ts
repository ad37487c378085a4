import { randomUUID } from 'node:crypto';
import type { ReviewLimits, Target } from '../types.js';
import type { Reviewer } from '../review/reviewer.js';
import { UnsupportedTargetError } from '../review/reviewer.js';
import { annotationBatches } from './annotations.js';
import { applySeverity } from './apply-severity.js';
import { checkSummary } from './check-summary.js';
import { conclusionOf } from './conclusion.js';
import { CONFIG_PATH, describeConfigError, type AppConfig } from './config.js';
import { configHash } from './config-hash.js';
import { fingerprintsOf } from '../report/fingerprint.js';
import type { CheckRunInfo, CheckRunOutput, GitHubApi, PostedReviewComment } from './github-api.js';
import { loadSnapshot } from './load-snapshot.js';
import { MAX_STATE_FINDINGS, readFindingMarkers, stateMarker, type ReviewState } from './markers.js';
import { readConfig } from './read-config.js';
import type { ConfigResult } from './parse-config.js';
import { previousState } from './previous-state.js';
import { claimKey, type ReviewClaims } from './review-claims.js';
import { removeDuplicates } from './remove-duplicates.js';
import { ownComments } from './own-comments.js';
import { planComments, type CommentPlan } from './plan-comments.js';
import { reviewBody } from './review-body.js';
import { resolvedFindings } from './resolved-findings.js';
import { resolveTarget } from './resolve-target.js';
import { reviewPullRequest } from './review-pull-request.js';
import { decideRun, IN_PROGRESS_FRESH_MS } from './run-decision.js';
import { GITHUB_TEXT_LIMIT, truncate } from './truncate.js';
import type { ApiSurface } from '../model/api-surface.js';

export const CHECK_NAME = 'memcg-review';
/** 20 requests of 50: at most 1000 annotations per check run. */
export const MAX_ANNOTATION_BATCHES = 20;

/** A pull request to review, as an event names it. */
export interface ReviewRequest {
  owner: string;
  repo: string;
  number: number;
  headSha: string;
  baseSha: string;
  draft: boolean;
  /** A re-run was asked for (check_run.rerequested, a /memcg-review comment). */
  force: boolean;
  /** The previous head (pull_request.synchronize), whose review tells what was resolved. */
  before?: string;
}

export interface Logger {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

export interface JobDeps {
  api: GitHubApi;
  appId: number;
  /** The App's bot account (`slug[bot]`), null when unknown: only its comments count as already posted. */
  botLogin: string | null;
  reviewerFor(target: Target, core: readonly string[], limits: ReviewLimits, api?: ApiSurface): Promise<Reviewer>;
  log: Logger;
  now(): number;
  version: string;
  /** Shared with the other replicas (REDIS_URL): one review of a head at a time across them. */
  claims?: ReviewClaims;
  /** This delivery's token for a claim (unique per job). */
  token?: string;
}

export type JobOutcome = { kind: 'skipped'; why: string } | { kind: 'reviewed'; checkRunId?: number; conclusion: string; commentsPosted: number } | { kind: 'failed'; error: string };

const errorText = (e: unknown) => (e instanceof Error ? e.message.split('\n', 1)[0]! : String(e));

/** Reviews one pull request: check run in progress, review, inline comments, check run completed (always). */
export async function runReviewJob(req: ReviewRequest, deps: JobDeps): Promise<JobOutcome> {
  const { api, log } = deps;
  const { parsed, note: configNote } = await readConfig(api);
  if (req.draft && !req.force && !(parsed.ok && parsed.config.drafts)) return { kind: 'skipped', why: 'draft pull request' };
  const hash = configHash(parsed.ok ? parsed.config : parsed.error, deps.version);
  if (!deps.claims) return await claimed(req, deps, parsed, hash, configNote);
  const key = claimKey(req, hash);
  const token = deps.token ?? randomUUID();
  let held: boolean;
  try {
    held = await deps.claims.claim(key, token, IN_PROGRESS_FRESH_MS);
  } catch (e) {
    // Without the shared store the replica reviews as if it were alone (GitHub's record still dedupes later deliveries).
    log.warn(`could not claim the head in Redis (${errorText(e)}); reviewing without a claim`);
    return await claimed(req, deps, parsed, hash, configNote);
  }
  if (!held) return { kind: 'skipped', why: 'another replica is reviewing this head' };
  try {
    return await claimed(req, deps, parsed, hash, configNote);
  } finally {
    await deps.claims.release(key, token).catch((e: unknown) => log.warn(`could not release the claim in Redis (${errorText(e)})`));
  }
}

/** The review once this replica holds the head (or no claims are shared). */
async function claimed(req: ReviewRequest, deps: JobDeps, parsed: ConfigResult, hash: string, configNote: string | undefined): Promise<JobOutcome> {
  const { api, log } = deps;
  const useCheckRun = parsed.ok ? parsed.config.checkRun : true;
  let runs: CheckRunInfo[] = [];
  let checkRunId: number | undefined;
  if (useCheckRun) {
    runs = await api.listCheckRuns(req.headSha, CHECK_NAME, deps.appId);
    const decision = decideRun(runs, hash, req.force, deps.now());
    if (decision.action === 'skip') return { kind: 'skipped', why: decision.why };
    checkRunId = decision.action === 'reuse'
      ? decision.checkRunId
      : await api.createCheckRun({ name: CHECK_NAME, head_sha: req.headSha, status: 'in_progress', started_at: new Date(deps.now()).toISOString(), output: { title: 'Reviewing…', summary: 'memcg-review is reviewing the commits of this pull request.' } });
  }
  const complete = async (conclusion: 'success' | 'neutral' | 'failure', output: CheckRunOutput) => {
    if (checkRunId === undefined) return;
    await api.updateCheckRun(checkRunId, { status: 'completed', conclusion, completed_at: new Date(deps.now()).toISOString(), output });
  };
  const failState = (): ReviewState => ({ v: 1, ok: false, config: hash, findings: [] });
  try {
    if (!parsed.ok) {
      const where = describeConfigError(parsed.error);
      // A definitive answer for these settings: a redelivery need not post it again (ok: true), a new config file reviews again.
      const settled: ReviewState = { ...failState(), ok: true };
      await complete('neutral', { title: `invalid ${CONFIG_PATH}`, summary: `## memcg-review did not run\n\nThe configuration on the default branch is invalid:\n\n    ${where}\n\nFix it on the default branch, then re-run this check.\n\n${stateMarker(settled)}` });
      return { kind: 'reviewed', checkRunId, conclusion: 'neutral', commentsPosted: 0 };
    }
    return await review(req, deps, parsed.config, hash, runs, checkRunId, configNote);
  } catch (e) {
    const message = e instanceof UnsupportedTargetError ? e.message : `unexpected error: ${errorText(e)}`;
    log.error(`memcg-review on ${req.owner}/${req.repo}#${req.number}: ${message}`);
    try {
      await complete('neutral', { title: 'memcg-review could not finish', summary: truncate(`## memcg-review could not finish\n\n${message}\n\nRe-run this check to try again.\n\n${stateMarker(failState())}`, GITHUB_TEXT_LIMIT) });
    } catch (e2) {
      log.error(`could not complete check run ${checkRunId}: ${errorText(e2)}`);
    }
    return { kind: 'failed', error: message };
  }
}

async function review(req: ReviewRequest, deps: JobDeps, config: AppConfig, hash: string, runs: CheckRunInfo[], checkRunId: number | undefined, configNote?: string): Promise<JobOutcome> {
  const { api } = deps;
  const target = await resolveTarget(api, config, req.baseSha, req.headSha);
  const reviewer = await deps.reviewerFor(target.target, config.core, { maxBytes: config.maxFileSize, maxParseMillis: config.parseTimeout }, target.api);
  const snapshot = await loadSnapshot(api, req, config);
  const raw = reviewPullRequest(reviewer, snapshot, target.target);
  const result = { ...raw, findings: applySeverity(raw.findings, config.severity) };
  const fps = fingerprintsOf(result);
  const tagged = result.findings.map((finding, i) => ({ finding, fp: fps[i]! }));

  // Comments: only the bot's own markers count; a fork cannot silence a finding with a marker of its own.
  // When GitHub fails (after the retries) around the inline comments, the check run still gets every
  // finding, and its state says the review is not complete, so a redelivery or a re-run tries again.
  let complete = true;
  const skipComments = (why: string, plan: CommentPlan) => {
    result.errors.push(`${why}; the findings are in the annotations`);
    plan.notInDiff += plan.comments.length;
    plan.comments = [];
  };
  let posted: PostedReviewComment[] | null = null;
  try {
    posted = ownComments(await api.listReviewComments(req.number), deps.botLogin);
  } catch (e) {
    deps.log.warn(`could not list the review comments: ${errorText(e)}`);
  }
  const existing = new Set((posted ?? []).flatMap((c) => readFindingMarkers(c.body)));
  const commentable = new Map(snapshot.files.map((f) => [f.path, f.commentable]));
  const plan: CommentPlan = planComments(result, tagged, (p) => commentable.get(p) ?? new Map(), existing, config.maxComments);
  if (posted === null && plan.comments.length > 0) {
    // Without the list, posting could repeat comments already there.
    complete = false;
    skipComments('the existing review comments could not be read, so no inline comment was posted', plan);
  }
  if (plan.comments.length > 0) {
    try {
      await api.createReview(req.number, {
        commit_id: req.headSha,
        event: 'COMMENT',
        body: reviewBody(plan),
        comments: plan.comments,
      });
      await removeDuplicates(api, req.number, deps.botLogin).catch((e: unknown) => deps.log.warn(`could not look for duplicate comments: ${errorText(e)}`));
    } catch (e) {
      // GitHub refuses a review whose lines left the diff (the head moved on) with 422: that is an answer.
      if ((e as { status?: number }).status === 422) skipComments(`GitHub refused the inline comments (${errorText(e)})`, plan);
      else {
        complete = false;
        skipComments(`the inline comments could not be posted (${errorText(e)})`, plan);
      }
    }
  }

  if (checkRunId === undefined) return { kind: 'reviewed', conclusion: conclusionOf(result.findings), commentsPosted: plan.comments.length };
  const previous = await previousState(api, req, runs, deps.appId, CHECK_NAME).catch((e: unknown) => {
    deps.log.warn(`could not read the previous review: ${errorText(e)}`);
    return null;
  });
  const state: ReviewState = {
    v: 1,
    ok: complete,
    config: hash,
    findings: tagged.slice(0, MAX_STATE_FINDINGS).map(({ finding, fp }) => [fp, finding.ruleId, finding.file, finding.line]),
  };
  const preamble = [...(configNote ? [`⚠️ ${configNote}`] : []), `Target: **${target.target}** (${target.reason}) · ${snapshot.commits.length} commit${snapshot.commits.length === 1 ? '' : 's'} · ${result.linesChecked} added lines of C checked`];
  const { title, summary } = checkSummary({ result, preamble, resolved: resolvedFindings(previous, new Set(fps)), state, comments: { posted: plan.comments.length, notInDiff: plan.notInDiff, overLimit: plan.overLimit, alreadyPosted: plan.alreadyPosted } });
  // Bounded: at most MAX_ANNOTATION_BATCHES requests (the summary still lists every finding it has room for).
  const batches = annotationBatches(result).slice(0, MAX_ANNOTATION_BATCHES);
  for (const batch of batches.slice(0, -1)) await api.updateCheckRun(checkRunId, { output: { title, summary, annotations: batch } });
  const conclusion = conclusionOf(result.findings);
  await api.updateCheckRun(checkRunId, {
    status: 'completed',
    conclusion,
    completed_at: new Date(deps.now()).toISOString(),
    output: { title, summary, ...(batches.length > 0 ? { annotations: batches[batches.length - 1] } : {}) },
  });
  return { kind: 'reviewed', checkRunId, conclusion, commentsPosted: plan.comments.length };
}
