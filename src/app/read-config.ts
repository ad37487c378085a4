import { CONFIG_PATH } from './config.js';
import type { GitHubApi } from './github-api.js';
import { parseConfig, type ConfigResult } from './parse-config.js';

const errorText = (e: unknown) => (e instanceof Error ? e.message.split('\n', 1)[0]! : String(e));

/**
 * The configuration on the default branch: the defaults when there is none, or when it cannot be
 * read even after retries (then with a note for the summary).
 */
export async function readConfig(api: GitHubApi): Promise<{ parsed: ConfigResult; note?: string }> {
  try {
    const text = await api.readFile(CONFIG_PATH);
    return { parsed: parseConfig(text ?? '') };
  } catch (e) {
    return { parsed: parseConfig(''), note: `${CONFIG_PATH} could not be read from the default branch (${errorText(e)}); the defaults were used` };
  }
}
