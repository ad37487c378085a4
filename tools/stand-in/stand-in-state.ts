/** What the GitHub stand-in holds and records: check runs, reviews, comments, every request. */

export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  body: unknown;
  accept: string;
}

export interface Failure {
  method: string;
  path: RegExp;
  status: number;
  message?: string;
  headers?: Record<string, string>;
}

export interface StoredCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  started_at: string | null;
  completed_at: string | null;
  app: { id: number; slug: string };
  output: { title: string | null; summary: string | null; text: string | null; annotations_count: number };
  annotations: Record<string, unknown>[];
  pull_requests: { number: number }[];
}

export interface StoredReview {
  id: number;
  pull_number: number;
  body: string;
  event: string;
  commit_id: string;
}

export interface StoredComment {
  id: number;
  pull_number: number;
  pull_request_review_id: number;
  path: string;
  line: number;
  start_line: number | null;
  side: string;
  body: string;
  commit_id: string;
  user: { login: string; type: string };
}

interface Reply {
  status: number;
  body?: Record<string, unknown> | unknown[];
}

const TEXT_LIMIT = 65_535;
const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

export class StandInState {
  readonly requests: RecordedRequest[] = [];
  readonly checkRuns: StoredCheckRun[] = [];
  readonly reviews: StoredReview[] = [];
  readonly reviewComments: StoredComment[] = [];
  readonly failures: Failure[] = [];
  #nextId = 1000;
  #waiters: (() => void)[] = [];
  #barriers: { method: string; path: RegExp; count: number; arrived: number; gate: Promise<void>; release: () => void }[] = [];

  record(r: RecordedRequest): void {
    this.requests.push(r);
  }

  /** Requests that change something (token requests aside: they post nothing to the repository). */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => WRITES.has(r.method) && !/\/access_tokens$/.test(r.path));
  }

  /**
   * Holds the first `count` requests matching method and path until all of them have arrived, so
   * racing deliveries really overlap (released anyway after `limitMs`).
   */
  holdUntil(method: string, path: RegExp, count: number, limitMs = 10_000): void {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    setTimeout(release, limitMs).unref();
    this.#barriers.push({ method, path, count, arrived: 0, gate, release });
  }

  async pass(method: string, path: string): Promise<void> {
    const b = this.#barriers.find((x) => x.method === method && x.path.test(path) && x.arrived < x.count);
    if (!b) return;
    b.arrived++;
    if (b.arrived === b.count) b.release();
    await b.gate;
  }

  takeFailure(method: string, path: string): Failure | undefined {
    const i = this.failures.findIndex((f) => f.method === method && f.path.test(path));
    return i === -1 ? undefined : this.failures.splice(i, 1)[0];
  }

  notify(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const w of waiters) w();
  }

  /** Resolves when the condition holds, checked after every request; rejects after `limitMs` (a guard, not an assertion). */
  async waitFor(condition: () => boolean, limitMs = 60_000): Promise<void> {
    const deadline = Date.now() + limitMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error('the stand-in did not see what was awaited');
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        setTimeout(resolve, 250).unref();
      });
    }
  }

  /** `pulls`: the open pull requests whose head is the run's commit (default: the stand-in's one). */
  createCheckRun(body: Record<string, unknown>, app: { appId: number; appSlug: string; prNumber: number }, pulls: number[] = [app.prNumber]): Reply {
    const problem = checkOutput(body.output);
    if (typeof body.name !== 'string' || typeof body.head_sha !== 'string') return invalid('name and head_sha are required');
    if (problem) return invalid(problem);
    const output = (body.output ?? {}) as Record<string, unknown>;
    const run: StoredCheckRun = {
      id: this.#nextId++,
      name: body.name,
      head_sha: body.head_sha,
      status: String(body.status ?? 'queued'),
      conclusion: (body.conclusion as string | undefined) ?? null,
      started_at: (body.started_at as string | undefined) ?? new Date().toISOString(),
      completed_at: null,
      app: { id: app.appId, slug: app.appSlug },
      output: { title: (output.title as string) ?? null, summary: (output.summary as string) ?? null, text: (output.text as string) ?? null, annotations_count: 0 },
      annotations: [],
      pull_requests: pulls.map((number) => ({ number })),
    };
    this.#addAnnotations(run, output.annotations);
    this.checkRuns.push(run);
    return { status: 201, body: run as unknown as Record<string, unknown> };
  }

  updateCheckRun(id: number, body: Record<string, unknown>): Reply {
    const run = this.checkRuns.find((r) => r.id === id);
    if (!run) return { status: 404, body: { message: 'Not Found' } };
    const problem = checkOutput(body.output);
    if (problem) return invalid(problem);
    if (body.status === 'completed' && typeof body.conclusion !== 'string') return invalid('conclusion is required when status is completed');
    if (body.status !== undefined) run.status = String(body.status);
    if (body.conclusion !== undefined) {
      run.conclusion = String(body.conclusion);
      run.status = 'completed';
    }
    if (run.status === 'completed') run.completed_at = (body.completed_at as string | undefined) ?? new Date().toISOString();
    const output = body.output as Record<string, unknown> | undefined;
    if (output) {
      run.output.title = (output.title as string) ?? run.output.title;
      run.output.summary = (output.summary as string) ?? run.output.summary;
      run.output.text = (output.text as string) ?? run.output.text;
      this.#addAnnotations(run, output.annotations);
    }
    return { status: 200, body: run as unknown as Record<string, unknown> };
  }

  #addAnnotations(run: StoredCheckRun, annotations: unknown): void {
    if (!Array.isArray(annotations)) return;
    run.annotations.push(...(annotations as Record<string, unknown>[]));
    run.output.annotations_count = run.annotations.length;
  }

  createReview(body: Record<string, unknown>, headSha: string, commentable: Map<string, Map<number, number>>, login: string, pullNumber = 0): Reply {
    const comments = Array.isArray(body.comments) ? (body.comments as Record<string, unknown>[]) : [];
    if (body.event === 'COMMENT' && !body.body && comments.length === 0) return invalid('a COMMENT review needs a body or comments');
    for (const c of comments) {
      if ('position' in c) return invalid('this stand-in expects line/side, not the old position');
      const lines = commentable.get(String(c.path));
      const line = Number(c.line);
      const start = c.start_line === undefined ? line : Number(c.start_line);
      const hunk = lines?.get(line);
      if (!lines || hunk === undefined || c.side !== 'RIGHT') return invalid('Pull request review thread line must be part of the diff');
      for (let l = start; l <= line; l++) if (lines.get(l) !== hunk) return invalid('Pull request review thread start line must be in the same hunk as the line');
      if (String(c.body ?? '').length > TEXT_LIMIT) return invalid('body is too long (maximum is 65536 characters)');
    }
    const review: StoredReview = { id: this.#nextId++, pull_number: pullNumber, body: String(body.body ?? ''), event: String(body.event ?? 'PENDING'), commit_id: String(body.commit_id ?? headSha) };
    this.reviews.push(review);
    for (const c of comments) {
      this.reviewComments.push({
        id: this.#nextId++,
        pull_number: pullNumber,
        pull_request_review_id: review.id,
        path: String(c.path),
        line: Number(c.line),
        start_line: c.start_line === undefined ? null : Number(c.start_line),
        side: String(c.side),
        body: String(c.body),
        commit_id: review.commit_id,
        user: { login, type: 'Bot' },
      });
    }
    return { status: 200, body: { ...review, state: 'COMMENTED' } };
  }

  deleteReviewComment(id: number): Reply {
    const i = this.reviewComments.findIndex((c) => c.id === id);
    if (i === -1) return { status: 404, body: { message: 'Not Found' } };
    this.reviewComments.splice(i, 1);
    return { status: 204 };
  }
}

function invalid(message: string): Reply {
  return { status: 422, body: { message: 'Validation Failed', errors: [message] } };
}

function checkOutput(output: unknown): string | null {
  if (output === undefined) return null;
  const o = output as Record<string, unknown>;
  if (typeof o.title !== 'string' || typeof o.summary !== 'string') return 'output needs a title and a summary';
  if (o.summary.length > TEXT_LIMIT) return 'output.summary is longer than 65535 characters';
  if (typeof o.text === 'string' && o.text.length > TEXT_LIMIT) return 'output.text is longer than 65535 characters';
  if (Array.isArray(o.annotations) && o.annotations.length > 50) return 'at most 50 annotations per request';
  return null;
}
