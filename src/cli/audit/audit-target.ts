import { detectGeneration, type DetectedGeneration } from '../../model/detect-generation.js';
import type { Target } from '../../types.js';
import type { Io } from '../shared/io.js';
import { readTreeFile, type Tree } from '../shared/tree.js';
import { UserError } from '../shared/user-error.js';

/**
 * The target of an audit: the one given, or with 'auto' the generation the tree's headers
 * name (read only inside the tree). A tree whose generation cannot be told is a usage error.
 */
export function auditTarget(target: Target | 'auto', tree: Tree, dir: string, io: Io): { target: Target; detected?: DetectedGeneration } {
  if (target !== 'auto') return { target };
  const detected = detectGeneration((rel) => readTreeFile(tree, rel, io));
  if (!detected.target) throw new UserError(`cannot tell the API generation of '${dir}': ${detected.evidence}; give --target GEN`);
  return { target: detected.target, detected };
}

/** A refused target, said with what the detection saw when the target was detected. */
export function refusedTarget(e: UserError, dir: string, detected: DetectedGeneration | undefined): UserError {
  if (!detected) return e;
  return new UserError(`'${dir}' is a ${detected.target} tree (${detected.evidence}), and ${e.message}`);
}
