import { readFileSync } from 'node:fs';
import { EXIT } from './shared/exit-codes.js';
import { nodeIo } from './shared/node-io.js';
import { run } from './run.js';
import { PACKAGE_JSON } from './paths.js';

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/**
 * The CLI as a process runs it: `argv` without `node` and the script, the exit code left in
 * process.exitCode. main.js (the launcher) runs it from the CommonJS bundle of this module
 * (dist/cli/cli.cjs, with its code cache), or from tsc's output when there is no bundle.
 */
export async function main(argv: readonly string[]): Promise<void> {
  try {
    process.exitCode = await run(argv, nodeIo(packageVersion()));
  } catch (e) {
    process.stderr.write(`memcg-review: internal error: ${e instanceof Error ? e.message.split('\n', 1)[0] : String(e)}\n`);
    process.exitCode = EXIT.internal;
  }
}
