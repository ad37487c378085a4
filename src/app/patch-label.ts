import type { ReviewedPatch } from '../review/result.js';
import type { PatchRef } from '../types.js';

/** `[PATCH 2/3] subject (abc1234)`: how the App names the commit that introduced a finding. */
export function patchLabel(ref: PatchRef, patches: readonly ReviewedPatch[] | undefined): string {
  const p = patches?.find((x) => x.index === ref.index);
  const total = p?.total ?? ref.index;
  const sha = p?.source ? ` (${p.source.slice(0, 7)})` : '';
  return `[PATCH ${ref.index}/${total}] ${ref.subject}${sha}`;
}
