#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ruleDocPath, withCurrentHeader } from '../docs/rule-doc.js';
import { RULES } from '../rules/index.js';

// `npm run docs`: writes the generated header of every docs/rules/ID.md from the rule metadata,
// keeping what is written by hand below it; a new rule gets a page to finish.
const root = fileURLToPath(new URL('../..', import.meta.url));
for (const rule of RULES) {
  const file = path.join(root, ruleDocPath(rule.meta.id));
  const page = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
  const next = withCurrentHeader(page, rule.meta);
  if (next === page) continue;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, next);
  process.stdout.write(`${page === null ? 'created' : 'updated'}: ${ruleDocPath(rule.meta.id)}\n`);
}
