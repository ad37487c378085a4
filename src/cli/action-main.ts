#!/usr/bin/env node
import { runAction } from './hook/action.js';

// The entry point of the GitHub Action's review step (action.yml).
try {
  process.exitCode = runAction(process.env, (line) => void process.stdout.write(line + '\n'));
} catch (e) {
  process.stdout.write(`::error::memcg-review: internal error: ${e instanceof Error ? e.message.split('\n', 1)[0] : String(e)}\n`);
  process.exitCode = 3;
}
