import { createHash } from 'node:crypto';
import type { AppConfig, ConfigError } from './config.js';

/**
 * Identifies the settings and engine version a review ran with; another hash reviews again. An
 * invalid file is identified by its error, so fixing it reviews again.
 */
export function configHash(config: AppConfig | ConfigError, version: string): string {
  return createHash('sha256').update(JSON.stringify({ config, version })).digest('hex').slice(0, 12);
}
