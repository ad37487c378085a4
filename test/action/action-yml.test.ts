import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { actionInputs } from '../../src/action/action-inputs.js';
import { ROOT } from '../helpers/spawn-cli.js';

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  shell?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface ActionYml {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

const text = fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8');
const action = parse(text) as ActionYml;
const steps = action.runs.steps;
const review = steps.find((s) => s.id === 'review')!;

describe('action.yml', () => {
  it('is a composite action that sets up Node 20, builds memcg-review and runs its review step', () => {
    expect(action.name).toBe('memcg-review');
    expect(action.description.length).toBeGreaterThan(20);
    expect(action.runs.using).toBe('composite');
    expect(steps[0]).toMatchObject({ uses: 'actions/setup-node@v4', with: { 'node-version': 20 } });
    expect(steps.filter((s) => s.run).every((s) => s.shell === 'bash')).toBe(true);
    expect(steps.findIndex((s) => s.run?.includes('npm ci') && s.run.includes('npm run build'))).toBeLessThan(steps.indexOf(review));
    expect(review.run).toBe('node "$GITHUB_ACTION_PATH/dist/cli/action-main.js"');
    expect(fs.existsSync(path.join(ROOT, 'src/cli/action-main.ts'))).toBe(true);
  });

  it('passes every input to the review step under the name the script reads, with the script\'s defaults', () => {
    const env = review.env!;
    for (const [name, value] of Object.entries(env)) {
      expect(name).toMatch(/^MEMCG_REVIEW_[A-Z_]+$/);
      expect(value).toMatch(/^\$\{\{ inputs\.[a-z-]+ \}\}$/);
    }
    const passed = Object.values(env).map((v) => /inputs\.([a-z-]+)/.exec(v)![1]);
    // Every input but upload-sarif (used by the upload step) reaches the script.
    expect([...passed, 'upload-sarif'].sort()).toEqual(Object.keys(action.inputs).sort());
    // Fed action.yml's defaults, the script reads what it reads from an empty environment.
    const defaults = Object.fromEntries(Object.entries(env).map(([name, v]) => [name, action.inputs[/inputs\.([a-z-]+)/.exec(v)![1]!]!.default ?? '']));
    expect(actionInputs(defaults)).toEqual(actionInputs({}));
    // And each variable changes what the script reads.
    const samples: Record<string, string> = { mode: 'audit', base: 'b', head: 'h', path: 'linux', target: 'v6.1', 'fail-on': 'warning', 'sarif-file': 'out.sarif' };
    for (const [name, v] of Object.entries(env)) {
      const input = /inputs\.([a-z-]+)/.exec(v)![1]!;
      expect(actionInputs({ ...defaults, [name]: samples[input] })).not.toEqual(actionInputs(defaults));
    }
  });

  it('uploads the SARIF to code scanning even when the review failed, and only when there is one', () => {
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(steps.indexOf(upload)).toBeGreaterThan(steps.indexOf(review));
    expect(upload.if).toContain('always()');
    expect(upload.if).toContain("inputs.upload-sarif == 'true'");
    expect(upload.if).toContain("steps.review.outputs.sarif-file != ''");
    expect(upload.with).toMatchObject({ sarif_file: '${{ steps.review.outputs.sarif-file }}' });
  });

  it('declares every input it uses and exposes the review step\'s outputs', () => {
    const used = [...text.matchAll(/\$\{\{[^}]*?inputs\.([a-z-]+)/g)].map((m) => m[1]!);
    expect(used.every((u) => u in action.inputs)).toBe(true);
    for (const [name, output] of Object.entries(action.outputs)) expect(output.value).toBe(`\${{ steps.review.outputs.${name} }}`);
    expect(Object.keys(action.outputs).sort()).toEqual(['findings', 'result', 'sarif-file']);
  });
});
