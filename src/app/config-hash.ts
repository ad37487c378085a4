import { createHash } from 'node:crypto';
import type { AppConfig } from './config.js';

/** Identifies the settings and engine version a review ran with; another hash reviews again. */
export function configHash(config: AppConfig | null, version: string): string {
  return createHash('sha256').update(JSON.stringify({ config, version })).digest('hex').slice(0, 12);
}
