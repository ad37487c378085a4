/**
 * Hidden markers: HTML comments that GitHub keeps in a body but does not show. A review comment
 * carries its finding's fingerprint; a check run summary carries the state of the review.
 */
const FINDING = /<!-- memcg-review:fp=([0-9a-f]{16}) -->/g;
const STATE = /<!-- memcg-review:state=(\{.*?\}) -->/;

export function findingMarker(fp: string): string {
  return `<!-- memcg-review:fp=${fp} -->`;
}

/** Fingerprints named by the markers in a body. */
export function readFindingMarkers(body: string | null | undefined): string[] {
  return [...(body ?? '').matchAll(FINDING)].map((m) => m[1]!);
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
  const m = STATE.exec(body ?? '');
  if (!m) return null;
  try {
    const s = JSON.parse(m[1]!) as ReviewState;
    return s && s.v === 1 && Array.isArray(s.findings) ? s : null;
  } catch {
    return null;
  }
}
