/** The process exit codes, as `--help` documents them. */
export const EXIT = {
  /** Nothing at or above --fail-on. */
  clean: 0,
  /** Findings at or above --fail-on (after fixing, with --fix/--diff). */
  findings: 1,
  /** Bad usage or unreadable input. */
  usage: 2,
  /** An internal error: a bug in memcg-review, or a file the reviewer failed on. */
  internal: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
