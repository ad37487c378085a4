import { DEFAULT_CORE_FILES, DEFAULT_LIMITS, type Severity, type Target } from '../types.js';

/** Where the App reads its settings: on the repository's default branch, never the PR head. */
export const CONFIG_PATH = '.github/memcg-review.yml';

/** A rule's severity as configured: one of the engine's, or `off` to drop its findings. */
export type SeverityOverride = Severity | 'off';

/** The App's settings for one repository (`.github/memcg-review.yml`). */
export interface AppConfig {
  /** A preset API generation, or `auto` (the default): the API the pull request's headers define, base plus its commits. */
  target: Target | 'auto';
  /** Only files matching one of these globs are reviewed. */
  paths: string[];
  /** Files matching one of these globs are not reviewed. */
  ignore: string[];
  /** Files allowed to write the memcg word (the memcg core). */
  core: string[];
  /** Per rule id. */
  severity: Record<string, SeverityOverride>;
  /** Inline comments per review; the rest go to the check run only. */
  maxComments: number;
  /** Post the `memcg-review` check run. */
  checkRun: boolean;
  /** Review draft pull requests too. */
  drafts: boolean;
  /** A C file larger than this (bytes) is not reviewed, with a note; at most the server's limit. */
  maxFileSize: number;
  /** A file whose parse takes longer (ms) is not reviewed, with a note; at most the server's limit. */
  parseTimeout: number;
}

export const DEFAULT_CONFIG: AppConfig = {
  target: 'auto',
  paths: ['**'],
  ignore: [],
  core: [...DEFAULT_CORE_FILES],
  severity: {},
  maxComments: 30,
  checkRun: true,
  drafts: false,
  maxFileSize: DEFAULT_LIMITS.maxBytes,
  parseTimeout: DEFAULT_LIMITS.maxParseMillis,
};

/** What is wrong with a configuration file, and where (1-based line and column when known). */
export interface ConfigError {
  path: string;
  message: string;
  line?: number;
  column?: number;
}

export function describeConfigError(e: ConfigError): string {
  const where = e.line !== undefined ? `:${e.line}${e.column !== undefined ? `:${e.column}` : ''}` : '';
  return `${e.path}${where}: ${e.message}`;
}
