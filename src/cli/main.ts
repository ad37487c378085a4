#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import v8 from 'node:v8';
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

// The C grammar runs as WebAssembly. V8 compiles it first with its baseline compiler (Liftoff),
// then again, optimized, once it is hot: for the parser's big lexer and parse-table functions that
// second compile costs more CPU than a CLI run ever wins back (a 4-patch check: 0.72 s of CPU by
// default, 0.37 s with Liftoff only; a kernel tree's audit about the same either way). The flag is
// process-wide (the audit's workers share it) and is set before the grammar is compiled.
v8.setFlagsFromString('--liftoff-only');

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
