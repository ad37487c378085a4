import { loadCParser } from '../../c/parser.js';
import { verifyJson } from '../../model-report/verify-json.js';
import { verifyText } from '../../model-report/verify-text.js';
import { buildHarness } from '../../verify/build-harness.js';
import { parseHarnessOutput } from '../../verify/harness-output.js';
import { compareWithModel, disagreements } from '../../verify/verify-result.js';
import { EXIT, type ExitCode } from '../shared/exit-codes.js';
import type { Io } from '../shared/io.js';
import type { ModelArgs } from './model-args.js';
import { resolveGeneration } from './model-target.js';
import { runHarness } from './run-harness.js';
import { openTree, readTreeFile } from '../shared/tree.js';
import { UserError } from '../shared/user-error.js';

const HEADER = 'include/linux/memcontrol.h';

/** `model verify`: the tree's own helpers, compiled and run on every state, against the model. */
export async function modelVerify(args: Extract<ModelArgs, { kind: 'verify' }>, io: Io): Promise<ExitCode> {
  const tree = openTree(args.tree, io);
  const header = readTreeFile(tree, HEADER, io);
  if (header === null) throw new UserError(`no ${HEADER} in tree '${args.tree}'`);
  const { gen, detected } = resolveGeneration(args.target ?? 'auto', tree, args.tree, io);
  const built = buildHarness(header, gen, await loadCParser());
  if (!built.ok) throw new UserError(built.reason);
  const outcomes = parseHarnessOutput(runHarness(built.harness.source));
  const result = compareWithModel(gen, outcomes, built.harness.skipped);
  const source = { tree: args.tree, detected };
  io.stdout(args.format === 'json' ? verifyJson(result, source) : verifyText(result, source));
  return disagreements(result).length === 0 ? EXIT.clean : EXIT.findings;
}
