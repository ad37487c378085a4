import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../../helpers/tree.js';

/** The kernel-like tree written for the audit tests (fixtures/audit/tree). */
export const AUDIT_TREE = fileURLToPath(new URL('../../../fixtures/audit/tree', import.meta.url));

/** A copy of the audit fixture tree in a temporary directory. */
export function copyAuditTree(): string {
  const dir = tempDir('memcg-audit-');
  fs.cpSync(AUDIT_TREE, dir, { recursive: true });
  return dir;
}

/** Every file of a tree with its contents, for before/after comparisons. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(child);
      else if (e.isFile()) out[child] = fs.readFileSync(path.join(dir, child), 'utf8');
    }
  };
  walk('');
  return out;
}
