import { detectGeneration, GENERATION_FILES } from '../../model/detect-generation.js';
import { generationOf, type Generation } from '../../model/generation.js';
import type { Io } from '../shared/io.js';
import type { TargetChoice } from './model-args.js';
import { readTreeFile, type Tree } from '../shared/tree.js';
import { UserError } from '../shared/user-error.js';

/**
 * The generation to print or verify: the one named, or with `auto` the one the tree's headers
 * define (what was seen is returned for the report). One line and exit 2 when it cannot be told.
 */
export function resolveGeneration(choice: TargetChoice, tree: Tree | null, treeArg: string | undefined, io: Io): { gen: Generation; detected?: string } {
  if (choice !== 'auto') return { gen: generationOf(choice) };
  if (!tree) throw new UserError('--target auto needs --tree DIR');
  const found = detectGeneration((rel: (typeof GENERATION_FILES)[number]) => readTreeFile(tree, rel, io));
  if (!found.target) throw new UserError(`cannot tell the API generation of tree '${treeArg}': ${found.evidence}`);
  return { gen: generationOf(found.target), detected: found.evidence };
}
