import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { actionInputs, ActionInputError, type ActionInputs } from '../../action/action-inputs.js';
import { planAction, type PlannedRun } from '../../action/action-plan.js';
import { annotations, escapeData } from '../../action/annotations.js';
import { reviewRange } from '../../action/review-range.js';
import { CLI_MAIN } from '../paths.js';

type Env = Readonly<Record<string, string | undefined>>;

export interface CliRun {
  code: number | null;
  out: string;
  err: string;
}

/** Runs this memcg-review's CLI (main.js beside this file) in `cwd`. */
export function runCli(argv: readonly string[], cwd: string): CliRun {
  const main = fileURLToPath(CLI_MAIN);
  const r = spawnSync(process.execPath, [main, ...argv], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  return { code: r.status, out: r.stdout ?? '', err: r.stderr ?? '' };
}

/**
 * The Action's review step (action.yml): plans the runs from the inputs and the event, runs them,
 * prints check's findings as annotations, writes the step's outputs (sarif-file, findings,
 * result) to $GITHUB_OUTPUT. Returns 0 clean, 1 when a gating run found something, 2 on errors.
 */
export function runAction(env: Env, print: (line: string) => void, cli = runCli): number {
  let inputs: ActionInputs;
  try {
    inputs = actionInputs(env);
  } catch (e) {
    if (!(e instanceof ActionInputError)) throw e;
    print(`::error::${escapeData(`memcg-review: ${e.message}`)}`);
    return 2;
  }
  const cwd = env.GITHUB_WORKSPACE || process.cwd();
  const range = reviewRange(env.GITHUB_EVENT_NAME ?? '', readEvent(env.GITHUB_EVENT_PATH), inputs, env.GITHUB_SHA ?? '');
  const plan = planAction(inputs, range, inputs.mode !== 'check' && cli(['audit', '--help'], cwd).code === 0);
  for (const n of plan.notices) print(`::notice::${escapeData(n)}`);
  const outputs: Record<string, string> = { 'sarif-file': '', findings: '0' };
  let failed = false;
  let errored = false;
  for (const run of plan.runs) {
    print(`memcg-review ${run.argv.join(' ')}`);
    const r = cli(run.argv, cwd);
    if (r.code !== 0 && r.code !== 1) {
      errored = true;
      print(`::error::${escapeData(`memcg-review ${run.command} failed (exit ${r.code}): ${firstLine(r.err)}${hint(run, r)}`)}`);
      continue;
    }
    if (run.command === 'check') {
      const lines = annotations(r.out);
      lines.forEach(print);
      outputs.findings = String(lines.length);
    } else if (r.out !== '') print(r.out.trimEnd());
    if (run.sarif && fs.existsSync(path.resolve(cwd, run.sarif))) outputs['sarif-file'] = run.sarif;
    if (r.code === 1 && run.gate) failed = true;
  }
  outputs.result = errored ? 'error' : failed ? 'findings' : 'clean';
  if (env.GITHUB_OUTPUT) fs.appendFileSync(env.GITHUB_OUTPUT, Object.entries(outputs).map(([k, v]) => `${k}=${v}\n`).join(''));
  return errored ? 2 : failed ? 1 : 0;
}

function readEvent(file: string | undefined): unknown {
  if (!file) return null;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim() !== '')?.replace(/^memcg-review: /, '') ?? 'no message';
}

function hint(run: PlannedRun, r: CliRun): string {
  return run.command === 'check' && r.err.includes('--git:') ? ' (check out with fetch-depth: 0 so that both ends of the range are there)' : '';
}
