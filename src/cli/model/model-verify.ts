import { verifyJson } from '../../model-report/verify-json.js';
import { verifyText } from '../../model-report/verify-text.js';
import { disagreements } from '../../verify/verify-result.js';
import { EXIT, type ExitCode } from '../shared/exit-codes.js';
import type { Io } from '../shared/io.js';
import type { ModelArgs } from './model-args.js';
import { resolveGeneration } from './model-target.js';
import { HEADER, measureTree } from './measure-tree.js';
import { openTree, readTreeFile } from '../shared/tree.js';
import { UserError } from '../shared/user-error.js';

/** `model verify`: the tree's own helpers, compiled and run on every state, against the model. */
export async function modelVerify(args: Extract<ModelArgs, { kind: 'verify' }>, io: Io): Promise<ExitCode> {
  const tree = openTree(args.tree, io);
  if (readTreeFile(tree, HEADER, io) === null) throw new UserError(`no ${HEADER} in tree '${args.tree}'`);
  const { gen, detected } = resolveGeneration(args.target ?? 'auto', tree, args.tree, io);
  const result = await measureTree(tree, args.tree, gen, io);
  const source = { tree: args.tree, detected };
  io.stdout(args.format === 'json' ? verifyJson(result, source) : verifyText(result, source));
  return disagreements(result).length === 0 ? EXIT.clean : EXIT.findings;
}
