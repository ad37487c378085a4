import { CONFIG_PATH } from './config.js';
import type { GitHubApi } from './github-api.js';
import { parseConfig, type ConfigResult } from './parse-config.js';

const errorText = (e: unknown) => (e instanceof Error ? e.message.split('\n', 1)[0]! : String(e));

/** The configuration on the default branch (the defaults when there is none); a read failure is a config error. */
export async function readConfig(api: GitHubApi): Promise<ConfigResult> {
  try {
    const text = await api.readFile(CONFIG_PATH);
    return text === null ? parseConfig('') : parseConfig(text);
  } catch (e) {
    return { ok: false, error: { path: CONFIG_PATH, message: `could not be read from the default branch (${errorText(e)})` } };
  }
}
