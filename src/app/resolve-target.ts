import { detectGeneration, GENERATION_FILES } from '../model/detect-generation.js';
import type { Target } from '../types.js';
import type { AppConfig } from './config.js';
import type { GitHubApi } from './github-api.js';

/** The target the review uses and why, for the summary. */
export interface ResolvedTarget {
  target: Target;
  reason: string;
}

/** `auto` reads the generation from the base tree's headers; a tree that tells nothing is reviewed for v5.11. */
export async function resolveTarget(api: GitHubApi, config: AppConfig, baseRef: string): Promise<ResolvedTarget> {
  if (config.target !== 'auto') return { target: config.target, reason: 'set in the configuration' };
  const texts = new Map<string, string | null>();
  for (const path of GENERATION_FILES) texts.set(path, await api.readFile(path, baseRef));
  const detected = detectGeneration((path) => texts.get(path) ?? null);
  if (detected.target === null) return { target: 'v5.11', reason: `auto: ${detected.evidence}; reviewing for v5.11` };
  return { target: detected.target, reason: `auto: ${detected.evidence}` };
}
