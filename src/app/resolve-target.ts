import { describeSurface, readApiSurface, SURFACE_FILES, type ApiSurface, type SurfaceFile } from '../model/api-surface.js';
import { detectGeneration } from '../model/detect-generation.js';
import type { Target } from '../types.js';
import { CONFIG_PATH, type AppConfig } from './config.js';
import type { GitHubApi } from './github-api.js';

/** The target the review uses and why, for the summary; `api` when it was read from the code. */
export interface ResolvedTarget {
  target: Target;
  reason: string;
  api?: ApiSurface;
}

/**
 * `auto` (the default) reads the API from the code under review: the headers as the pull request
 * leaves them, i.e. the base with its commits applied (read at the head commit). A preset is what
 * the configuration on the default branch names. Headers that name no known generation: the v5.11
 * preset, said so.
 */
export async function resolveTarget(api: GitHubApi, config: AppConfig, baseRef: string, headRef: string = baseRef): Promise<ResolvedTarget> {
  if (config.target !== 'auto') return { target: config.target, reason: `set in ${CONFIG_PATH}` };
  const texts = new Map<SurfaceFile, string | null>();
  for (const path of SURFACE_FILES) texts.set(path, await api.readFile(path, headRef));
  const where = headRef === baseRef ? `the base ${baseRef.slice(0, 7)}` : `the base ${baseRef.slice(0, 7)} with the pull request's commits applied (head ${headRef.slice(0, 7)})`;
  const surface = readApiSurface((path) => texts.get(path) ?? null, where + ':');
  if (!surface) {
    const detected = detectGeneration((path) => texts.get(path) ?? null);
    return { target: 'v5.11', reason: `auto: ${detected.evidence}; reviewing for v5.11` };
  }
  return { target: surface.preset, api: surface, reason: `auto: ${describeSurface(surface)}` };
}
