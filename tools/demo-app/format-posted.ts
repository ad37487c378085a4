import type { StandInState } from '../stand-in/stand-in-state.js';

const MARKERS = /\n*<!-- memcg-review:[^>]*-->\n*/g;

function indent(text: string, by = '    '): string {
  return text.split('\n').map((l) => (l ? by + l : l)).join('\n');
}

/** The check runs and reviews the stand-in received, as a person would read them on GitHub (markers hidden). */
export function formatPosted(state: StandInState): string {
  const out: string[] = [];
  for (const run of state.checkRuns) {
    out.push(`=== check run "${run.name}" on ${run.head_sha.slice(0, 7)}: ${run.status}${run.conclusion ? ` (${run.conclusion})` : ''}`);
    out.push(`title: ${run.output.title ?? ''}`, '', indent((run.output.summary ?? '').replace(MARKERS, '\n').trim()), '');
    out.push(`annotations (${run.annotations.length}):`);
    for (const a of run.annotations) {
      const first = String(a.message ?? '').split('\n', 1)[0];
      out.push(`  ${String(a.path)}:${String(a.start_line)} [${String(a.annotation_level)}] ${String(a.title)}: ${first}`);
    }
    out.push('');
  }
  for (const review of state.reviews) {
    out.push(`=== review (${review.event}) on ${review.commit_id.slice(0, 7)}`, indent(review.body), '');
    for (const c of state.reviewComments.filter((x) => x.pull_request_review_id === review.id)) {
      const where = c.start_line !== null ? `${c.path}:${c.start_line}-${c.line}` : `${c.path}:${c.line}`;
      out.push(`--- comment on ${where} (${c.side})`, indent(c.body.replace(MARKERS, '\n').trim()), '');
    }
  }
  return out.join('\n');
}
