/** What the CLI needs of the file system; paths are absolute. Errors are thrown as by node:fs. */
export interface CliFs {
  /** Follows symlinks; throws when the path does not exist. `size` in bytes. */
  stat(path: string): { isFile: boolean; isDirectory: boolean; size: number };
  readFile(path: string): string;
  realpath(path: string): string;
  /** Replaces the file's contents atomically, keeping its mode. */
  writeFileAtomic(path: string, text: string): void;
}

/** The outside world of one CLI run; injected so tests run in-process. */
export interface Io {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
  stdinIsTTY: boolean;
  /** Whether stdout is a terminal (for --color=auto); false when absent. */
  stdoutIsTTY?: boolean;
  /** The environment (NO_COLOR, FORCE_COLOR, TERM); empty when absent. */
  env?: Readonly<Record<string, string | undefined>>;
  fs: CliFs;
  /** The package version, for --version and the JSON report. */
  version: string;
}
