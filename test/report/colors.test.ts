import { colorDiff, colorReport, COLORS, NO_COLORS } from '../../src/report/colors.js';
import { useColor } from '../../src/cli/shared/color-choice.js';

const RED = '\x1b[31m';
const YELLOW = '\x1b[33m';
const GREEN = '\x1b[32m';
const BLUE = '\x1b[34m';
const CYAN = '\x1b[36m';
const RESET = '\x1b[0m';

describe('colours as checkpatch and git use them', () => {
  it('paints ERROR red, WARNING yellow, CHECK green, the checkpatch type blue; source lines stay plain', () => {
    const report = [
      'mm/a.c:3: ERROR: page->mem_cgroup is gone since v5.11',
      '+\tERROR: not a report, an added line',
      '  fix (proven): memcg = page_memcg(page);',
      'WARNING:MEMCG_RAW_MEMCG_DATA: reads memcg_data by hand',
      'mm/a.c:9: CHECK:MEMCG_STALE_COMMENT: comment names page->mem_cgroup',
      'total: 1 errors, 1 warnings, 1 checks, 9 lines checked',
    ].join('\n');
    expect(colorReport(report, COLORS).split('\n')).toEqual([
      `mm/a.c:3: ${RED}ERROR:${RESET} page->mem_cgroup is gone since v5.11`,
      '+\tERROR: not a report, an added line',
      `  ${GREEN}fix (proven):${RESET} memcg = page_memcg(page);`,
      `${YELLOW}WARNING:${RESET}${BLUE}MEMCG_RAW_MEMCG_DATA:${RESET} reads memcg_data by hand`,
      `mm/a.c:9: ${GREEN}CHECK:${RESET}${BLUE}MEMCG_STALE_COMMENT:${RESET} comment names page->mem_cgroup`,
      'total: 1 errors, 1 warnings, 1 checks, 9 lines checked',
    ]);
    expect(colorReport(report, NO_COLORS)).toBe(report);
  });

  it('paints a diff: added lines green, removed red, hunks cyan', () => {
    const diff = '--- a/mm/a.c\n+++ b/mm/a.c\n@@ -3 +3 @@\n-\tm = page->mem_cgroup;\n+\tm = page_memcg(page);\n \tctx\n';
    const lines = colorDiff(diff, COLORS).split('\n');
    expect(lines[2]).toBe(`${CYAN}@@ -3 +3 @@${RESET}`);
    expect(lines[3]).toBe(`${RED}-\tm = page->mem_cgroup;${RESET}`);
    expect(lines[4]).toBe(`${GREEN}+\tm = page_memcg(page);${RESET}`);
    expect(lines[5]).toBe(' \tctx');
    expect(colorDiff(diff, NO_COLORS)).toBe(diff);
  });

  it.each([
    ['auto', true, {}, true],
    ['auto', false, {}, false],
    ['auto', true, { TERM: 'dumb' }, false],
    ['auto', true, { NO_COLOR: '1' }, false],
    ['auto', true, { NO_COLOR: '' }, true],
    ['auto', false, { FORCE_COLOR: '1' }, true],
    ['auto', true, { FORCE_COLOR: '0' }, false],
    ['auto', false, { NO_COLOR: '1', FORCE_COLOR: '1' }, false],
    ['always', false, { NO_COLOR: '1' }, true],
    ['never', true, { FORCE_COLOR: '1' }, false],
  ] as const)('--color=%s on a terminal: %s, env %j: colour %s', (when, tty, env, expected) => {
    expect(useColor(when, tty, env)).toBe(expected);
  });
});
