/**
 * The HTML report of a real audit (the fixture tree) opened in headless Chromium (Debian's
 * chromium, installed by .ci/run): the chart and every finding render, nothing is fetched from
 * anywhere, and a screenshot is kept in test-artifacts/audit-report.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { audit } from '../../src/cli/audit/audit.js';
import { createReviewer } from '../../src/review/reviewer.js';
import { memoryIo } from '../helpers/memory-io.js';
import { ROOT } from '../helpers/spawn-cli.js';
import { tempDir } from '../helpers/tree.js';
import { AUDIT_TREE } from '../cli/audit/audit-fixture.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const SCREENSHOT = path.join(ROOT, 'test-artifacts', 'audit-report.png');

let browser: Browser;
let reportFile: string;

beforeAll(async () => {
  reportFile = path.join(tempDir('memcg-html-'), 'report.html');
  const io = memoryIo(ROOT);
  const code = await audit([AUDIT_TREE, '--jobs', '1', '--format', 'html', '--output', reportFile], io, { createReviewer }, { cores: 1 });
  expect(code).toBe(1);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

test('the chart and every finding render, nothing is fetched, and a screenshot is kept', async () => {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const consoleErrors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  await page.goto(`file://${reportFile}`);

  const chart = page.locator('svg#chart');
  await expect(chart.isVisible()).resolves.toBe(true);
  const box = await chart.boundingBox();
  expect(box!.width).toBeGreaterThan(300);
  expect(box!.height).toBeGreaterThan(50);
  const bars = await page.locator('svg#chart g.bar').evaluateAll((gs) =>
    gs.map((g) => ({
      subsystem: g.getAttribute('data-subsystem'),
      total: Number(g.getAttribute('data-total')),
      width: [...g.querySelectorAll('rect')].reduce((w, r) => w + (r as SVGRectElement).getBBox().width, 0),
    })),
  );
  expect(bars.map((b) => [b.subsystem, b.total])).toEqual([['mm', 8], ['drivers/misc', 2], ['include/linux', 1]]);
  expect(bars[0]!.width).toBeGreaterThan(bars[1]!.width);
  expect(bars[1]!.width).toBeGreaterThan(bars[2]!.width);

  const findings = page.locator('article.finding');
  expect(await findings.count()).toBe(11);
  for (let i = 0; i < 11; i++) expect(await findings.nth(i).isVisible()).toBe(true);
  const first = findings.filter({ hasText: 'memcg = page_memcg_check(page);' }).first();
  expect(await first.locator('pre.excerpt .hit').innerText()).toContain('memcg = page->mem_cgroup;');
  expect(await first.locator('pre.fix .add').innerText()).toContain('+        memcg = page_memcg_check(page);');
  expect(await first.locator('.badge.proven').innerText()).toMatch(/proven fix/i);
  expect(await page.locator('article.finding[data-verdict="none"]').count()).toBe(1);
  expect(await page.locator('article.finding[data-verdict="conditional"]').count()).toBe(1);

  // The header's totals, read from the rendered page, agree with the findings shown.
  const totals = await page.locator('dl#totals > div').evaluateAll((ds) => Object.fromEntries(ds.map((d) => [d.getAttribute('data-total'), Number(d.querySelector('dd')!.textContent)])));
  const shown = async (selector: string) => page.locator(selector).count();
  expect(totals).toEqual({
    error: await shown('article.finding.error'),
    warning: await shown('article.finding.warning'),
    info: await shown('article.finding.info'),
    proven: await shown('article.finding[data-verdict="proven"]'),
    assumed: await shown('article.finding[data-verdict="assumed"]'),
    conditional: await shown('article.finding[data-verdict="conditional"]'),
    none: await shown('article.finding.error[data-verdict="none"]') + (await shown('article.finding.warning[data-verdict="none"]')),
    files: await shown('section.file'),
  });
  expect(totals['error']! + totals['warning']! + totals['info']!).toBe(11);
  expect(await page.locator('dl#totals').isVisible()).toBe(true);
  expect(await page.locator('#fix-hint').innerText()).toMatch(/--fix.*--diff/);
  // Checks are kept apart in the chart: grey, not a red "no fix".
  const checkSegments = await page.locator('svg#chart rect.seg.check').count();
  expect(checkSegments).toBe(totals['info']! > 0 ? (await page.locator('svg#chart g.bar:not([data-checks="0"])').count()) + 1 : 1);
  // Each finding links to its rule's page, which exists.
  const links = await page.locator('article.finding a.rule').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  expect(links).toHaveLength(11);
  for (const href of links) expect([href, fs.existsSync(fileURLToPath(href))]).toEqual([href, true]);

  expect(requests).toEqual([`file://${reportFile}`]);
  expect(consoleErrors).toEqual([]);
  fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
  expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
}, 60_000);
