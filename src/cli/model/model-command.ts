import { measuredHelpers, withContract } from '../../model/contract.js';
import type { Generation } from '../../model/generation.js';
import { explainHelper, generationsWith } from '../../model-report/explain.js';
import { modelJson } from '../../model-report/model-json.js';
import { modelMarkdown } from '../../model-report/model-markdown.js';
import { modelText } from '../../model-report/model-text.js';
import { measuredModelView, modelView, type ModelView } from '../../model-report/model-view.js';
import type { CommandRunner } from '../commands.js';
import { EXIT } from '../shared/exit-codes.js';
import { parseModelArgs } from './model-args.js';
import { MODEL_HELP } from './model-help.js';
import { resolveGeneration } from './model-target.js';
import { modelVerify } from './model-verify.js';
import { contractOrPreset } from './measure-tree.js';
import { openTree, type Tree } from '../shared/tree.js';
import { UserError } from '../shared/user-error.js';

const FORMATTERS = { text: modelText, markdown: modelMarkdown, json: modelJson };

/** `memcg-review model ...`: prints a generation of the model, explains a helper, or verifies a tree's helpers. */
export const modelCommand: CommandRunner = async (argv, io) => {
  const args = parseModelArgs(argv);
  if (args.kind === 'help') {
    io.stdout(MODEL_HELP);
    return EXIT.clean;
  }
  if (args.kind === 'verify') return modelVerify(args, io);
  const tree = args.tree === undefined ? null : openTree(args.tree, io);
  const { gen } = resolveGeneration(args.target ?? (tree ? 'auto' : 'v5.11'), tree, args.tree, io);
  if (args.explain === undefined) {
    io.stdout(FORMATTERS[args.format](tree ? await treeView(gen, tree, args.tree!, io) : modelView(gen)));
    return EXIT.clean;
  }
  const text = explainHelper(tree ? await treeGeneration(gen, tree, args.tree!, io) : gen, args.explain);
  if (text === null) throw new UserError(notInGeneration(args.explain, gen));
  io.stdout(text);
  return EXIT.clean;
};

/** With --tree: the tree's helpers as measured; the preset (and why) when they cannot be (no cc, no header). */
async function treeView(gen: Generation, tree: Tree, treeArg: string, io: Parameters<CommandRunner>[1]): Promise<ModelView> {
  if (!gen.flags?.objcgs.startsWith('MEMCG_DATA_')) return modelView(gen);
  const found = await contractOrPreset(tree, treeArg, gen, io);
  if ('preset' in found) return { ...modelView(gen), measured: { preset: found.preset } };
  return measuredModelView(gen, found.contract);
}

/** With --tree: the generation with the tree's measured contract in force, and the tree's own readers added (to explain them). */
async function treeGeneration(gen: Generation, tree: Tree, treeArg: string, io: Parameters<CommandRunner>[1]): Promise<Generation> {
  if (!gen.flags?.objcgs.startsWith('MEMCG_DATA_')) return gen;
  const found = await contractOrPreset(tree, treeArg, gen, io);
  if ('preset' in found) return gen;
  const measured = withContract(gen, found.contract);
  return { ...measured, helpers: { ...measuredHelpers(found.contract), ...measured.helpers } };
}

function notInGeneration(helper: string, gen: Generation): string {
  const others = generationsWith(helper);
  if (others.length > 0) return `${helper} is not a helper of ${gen.id}; it is one of ${others.join(', ')} (try --target ${others[others.length - 1]})`;
  return `unknown helper '${helper}' (helpers of ${gen.id}: ${Object.keys(gen.helpers).join(', ')})`;
}
