import type { Severity } from '../../types.js';

/** The line that marks a hook as ours, so that installing again replaces it without --force. */
export const HOOK_MARKER = '# Installed by `memcg-review install-hook`.';

export interface HookCommand {
  /** The node binary and the CLI's main script, absolute, so the hook runs the memcg-review that installed it. */
  node: string;
  main: string;
  failOn: Severity;
}

/**
 * The sendemail-validate hook: git send-email runs it on each message before it sends any, and
 * sends nothing when it exits non-zero. A message without a diff (the cover letter) passes; a
 * patch is reviewed by `memcg-review check` (from its hunks: the working tree is the series' tip,
 * not its base), and refused on a finding at or above failOn.
 */
export function sendemailHook(command: HookCommand): string {
  return [
    '#!/bin/sh',
    HOOK_MARKER,
    '# git send-email runs this hook on every message before sending any; a non-zero exit sends none.',
    '# Bypass it once with: git send-email --no-validate ...',
    `grep -q '^+++ ' "$1" || exit 0`,
    `exec ${shellQuote(command.node)} ${shellQuote(command.main)} check --fail-on ${command.failOn} -- "$1"`,
    '',
  ].join('\n');
}

/** A word for sh, in single quotes. */
export function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
