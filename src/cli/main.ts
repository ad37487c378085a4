#!/usr/bin/env node
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

// A reader that went away (`| head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.clean);
});

try {
  process.exitCode = await run(process.argv.slice(2), nodeIo(packageVersion()));
} catch (e) {
  process.stderr.write(`memcg-review: internal error: ${e instanceof Error ? e.message.split('\n', 1)[0] : String(e)}\n`);
  process.exitCode = EXIT.internal;
}
