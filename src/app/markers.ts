/**
 * Hidden markers: HTML comments that GitHub keeps in a body but does not show. A review comment
 * carries its finding's fingerprint; a check run summary carries the state of the review. The App
 * always writes its marker last, after any text of the pull request (a commit subject, a line of
 * code in a suggestion) that could hold a look-alike: only the last marker of a body counts.
 */
const FINDING = /<!-- memcg-review:fp=([0-9a-f]{16}) -->/g;
const STATE = /<!-- memcg-review:state=(\{.*?\}) -->/g;

export function findingMarker(fp: string): string {
  return `<!-- memcg-review:fp=${fp} -->`;
}

/** The fingerprint named by the last marker of a body (none or one). */
export function readFindingMarkers(body: string | null | undefined): string[] {
  const last = [...(body ?? '').matchAll(FINDING)].pop();
  return last ? [last[1]!] : [];
}

/** What a completed check run remembers of its review. */
export interface ReviewState {
  /** Version of the state layout. */
  v: 1;
  /** The run reached its answer (a review, or the refusal of an invalid config); false after an unexpected error, which a redelivery retries. */
  ok: boolean;
  /** Hash of the settings the review used; another config reviews again. */
  config: string;
  /** Findings as [fingerprint, rule id, file, line] (capped: see MAX_STATE_FINDINGS). */
  findings: [string, string, string, number][];
}

export const MAX_STATE_FINDINGS = 500;

export function stateMarker(state: ReviewState): string {
  // `--` cannot appear inside an HTML comment: escape it in the JSON.
  return `<!-- memcg-review:state=${JSON.stringify(state).replace(/--/g, '-\\u002d')} -->`;
}

export function readStateMarker(body: string | null | undefined): ReviewState | null {
  const m = [...(body ?? '').matchAll(STATE)].pop();
  if (!m) return null;
  try {
    const s = JSON.parse(m[1]!) as ReviewState;
    return s && s.v === 1 && Array.isArray(s.findings) ? s : null;
  } catch {
    return null;
  }
}
