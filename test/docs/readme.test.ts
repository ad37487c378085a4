import fs from 'node:fs';
import path from 'node:path';
import { RULES } from '../../src/rules/index.js';
import { ROOT } from '../helpers/spawn-cli.js';

const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

test('the README stays short and has a table of contents whose anchors are its sections', () => {
  expect(Buffer.byteLength(readme)).toBeLessThan(12 * 1024);
  const headings = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.toLowerCase().replace(/[^\w -]/g, '').replace(/ /g, '-'));
  const anchors = [...readme.slice(readme.indexOf('## Contents'), readme.indexOf('## Quick start')).matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);
  expect(anchors.length).toBeGreaterThan(3);
  for (const a of anchors) expect(headings.concat(['example'])).toContain(a);
});

test('the README names every rule', () => {
  for (const rule of RULES) expect(readme).toContain(`\`${rule.meta.id}\``);
});

test('every local link of the README and of docs/*.md points at a file that exists', () => {
  const pages = ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
  const missing: string[] = [];
  for (const page of pages) {
    const text = fs.readFileSync(path.join(ROOT, page), 'utf8');
    for (const m of text.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
      const target = m[1]!;
      if (/^[a-z]+:/.test(target)) continue;
      if (!fs.existsSync(path.join(ROOT, path.dirname(page), target))) missing.push(`${page}: ${target}`);
    }
  }
  expect(missing).toEqual([]);
});

test('the pages the README points to exist: the App, the audit, the model, the kernel workflows', () => {
  for (const page of ['docs/app.md', 'docs/audit.md', 'docs/model.md', 'docs/kernel-workflows.md']) {
    expect(readme).toContain(`](${page})`);
    expect(fs.existsSync(path.join(ROOT, page))).toBe(true);
  }
});
