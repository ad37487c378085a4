import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The memcontrol.h of a kernel-like tree under fixtures/verify/ (written for the tests). */
export const FIXTURE_TREES = fileURLToPath(new URL('../../fixtures/verify', import.meta.url));

export function fixtureHeader(tree: 'folio-6.1' | 'page-5.15'): string {
  return fs.readFileSync(`${FIXTURE_TREES}/${tree}/include/linux/memcontrol.h`, 'utf8');
}
