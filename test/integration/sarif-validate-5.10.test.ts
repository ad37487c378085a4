/**
 * The audit's SARIF for Debian's linux-source-5.10 as GitHub code scanning expects it: the
 * Microsoft SARIF Multitool (npm @microsoft/sarif-multitool, a self-contained .NET program that
 * runs offline) validates it with the SARIF and GitHub Advanced Security rules and reports nothing.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { build, spawnCli } from '../helpers/spawn-cli.js';
import { fetchLinuxSource } from '../helpers/linux-source.js';
import { tempDir } from '../helpers/tree.js';

const require = createRequire(import.meta.url);
const MULTITOOL = require('@microsoft/sarif-multitool') as string;

/** Runs `sarif validate --rule-kind "Sarif;Ghas"`; ICU is not needed (invariant globalization). */
function validate(file: string): { code: number | null; problems: string[]; out: string } {
  const r = spawnSync(MULTITOOL, ['validate', '--rule-kind', 'Sarif;Ghas', file], {
    encoding: 'utf8',
    timeout: 280_000,
    env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
  });
  const out = `${r.stdout}${r.stderr}`;
  return { code: r.status, problems: out.split('\n').filter((l) => /: (error|warning|note) [A-Z]+\d+: /.test(l)), out };
}

let dir = '';
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('the validator is not blind: it flags a driver without informationUri or rules', () => {
  dir = tempDir('memcg-sarif-');
  const bare = path.join(dir, 'bare.sarif');
  fs.writeFileSync(bare, JSON.stringify({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [{ tool: { driver: { name: 'x', version: '1' } }, results: [] }] }));
  const r = validate(bare);
  expect(r.problems.some((l) => l.includes('SARIF2005') && l.includes('informationUri'))).toBe(true);
  expect(r.problems.some((l) => l.includes('GH1018'))).toBe(true);
}, 300_000);

test('sarif validate --rule-kind "Sarif;Ghas" reports nothing on the audit of 5.10', () => {
  const tree = fetchLinuxSource('5.10');
  build();
  const file = path.join(dir, 'audit-5.10.sarif');
  const audit = spawnCli(['audit', tree, '--target', 'v5.11', '--format', 'sarif', '--jobs', '2', '--output', file]);
  expect(audit.code).toBe(1);
  const sarif = JSON.parse(fs.readFileSync(file, 'utf8')) as { runs: { results: unknown[] }[] };
  expect(sarif.runs[0]!.results.length).toBeGreaterThan(50);
  const r = validate(file);
  expect(r.out).toContain('Analysis completed successfully');
  expect(r.problems).toEqual([]);
}, 600_000);
