import { readFindingMarkers } from './markers.js';

export interface PostedComment {
  id: number;
  body: string;
}

/**
 * Comments to delete after two deliveries raced: for each fingerprint commented more than once,
 * every comment but the oldest (lowest id). Both racers compute the same answer.
 */
export function duplicateComments(comments: readonly PostedComment[]): number[] {
  const oldest = new Map<string, number>();
  const sorted = [...comments].sort((a, b) => a.id - b.id);
  const remove: number[] = [];
  for (const c of sorted) {
    const fps = readFindingMarkers(c.body);
    if (fps.length === 0) continue;
    if (fps.every((fp) => oldest.has(fp))) remove.push(c.id);
    else for (const fp of fps) if (!oldest.has(fp)) oldest.set(fp, c.id);
  }
  return remove;
}
