import { describeSurface, readApiSurface, type ApiSurface } from '../../model/api-surface.js';
import type { DetectedGeneration } from '../../model/detect-generation.js';
import type { Target } from '../../types.js';
import type { Io } from '../shared/io.js';
import { readTreeFile, type Tree } from '../shared/tree.js';
import { UserError } from '../shared/user-error.js';

/**
 * The target of an audit: the one given, or with 'auto' the API the tree's headers define (read
 * only inside the tree): its helpers and flags, and the preset nearest them. A tree whose API
 * cannot be read is a usage error.
 */
export function auditTarget(target: Target | 'auto', tree: Tree, dir: string, io: Io): { target: Target; detected?: DetectedGeneration; api?: ApiSurface } {
  if (target !== 'auto') return { target };
  const api = treeSurface(tree, io);
  if (!api.surface) throw new UserError(`cannot tell the API generation of '${dir}': ${api.why}; give --target GEN`);
  const s = api.surface;
  return { target: s.preset, api: s, detected: { target: s.preset, evidence: s.evidence, api: describeSurface(s) } };
}

/** The API a tree's own headers define; why not, when they define none. */
export function treeSurface(tree: Tree, io: Io): { surface: ApiSurface; why?: undefined } | { surface: null; why: string } {
  const surface = readApiSurface((rel) => readTreeFile(tree, rel, io));
  if (surface) return { surface };
  const has = (rel: string) => readTreeFile(tree, rel, io) !== null;
  return { surface: null, why: has('include/linux/memcontrol.h') || has('include/linux/mm_types.h') ? 'the headers define none of the names of a known generation' : 'no include/linux/memcontrol.h or include/linux/mm_types.h in the tree' };
}

/** A refused target, said with what the detection saw when the target was detected. */
export function refusedTarget(e: UserError, dir: string, detected: DetectedGeneration | undefined): UserError {
  if (!detected) return e;
  return new UserError(`'${dir}' is a ${detected.target} tree (${detected.evidence}), and ${e.message}`);
}
