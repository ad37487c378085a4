import { describe, expect, it } from '@jest/globals';
import { DEFAULT_CONFIG, describeConfigError } from '../../src/app/config.js';
import { parseConfig } from '../../src/app/parse-config.js';

describe('parseConfig', () => {
  it('gives the defaults for an empty file', () => {
    expect(parseConfig('')).toEqual({ ok: true, config: DEFAULT_CONFIG });
    expect(parseConfig('# nothing but a comment\n')).toEqual({ ok: true, config: DEFAULT_CONFIG });
  });

  it('reads every setting', () => {
    const r = parseConfig([
      'target: auto',
      'paths: ["mm/**", "drivers/**"]',
      'ignore: drivers/staging/**',
      'core: [mm/memcontrol.c]',
      'severity:',
      '  stale-comment: off',
      '  memcg-field-read: warning',
      'maxComments: 5',
      'checkRun: false',
      'drafts: true',
      'maxFileSize: 200000',
      'parseTimeout: 2000',
    ].join('\n'));
    expect(r).toEqual({
      ok: true,
      config: {
        target: 'auto',
        paths: ['mm/**', 'drivers/**'],
        ignore: ['drivers/staging/**'],
        core: ['mm/memcontrol.c'],
        severity: { 'stale-comment': 'off', 'memcg-field-read': 'warning' },
        maxComments: 5,
        checkRun: false,
        drafts: true,
        maxFileSize: 200000,
        parseTimeout: 2000,
      },
    });
  });

  it.each([
    ['target: v9.9\n', 1, 9, 'target must be one of auto, legacy'],
    ['maxComments: 30\nmaxcomments: 3\n', 2, 1, 'unknown setting "maxcomments"'],
    ['maxComments: -1\n', 1, 14, 'maxComments must be a whole number'],
    ['severity:\n  no-such-rule: off\n', 2, 3, 'severity: unknown rule "no-such-rule"'],
    ['severity:\n  stale-comment: loud\n', 2, 18, 'severity.stale-comment must be one of error, warning, info, off'],
    ['checkRun: yes please\n', 1, 11, 'checkRun must be true or false'],
    ['maxFileSize: 99999999\n', 1, 14, 'maxFileSize must be a whole number from 1 to 1048576'],
    ['parseTimeout: 0\n', 1, 15, 'parseTimeout must be a whole number from 1 to 10000'],
    ['paths: [1, 2]\n', 1, 9, 'paths must be a list of path globs'],
    ['- a\n- b\n', 1, 1, 'the file must be a mapping'],
  ])('says what is wrong and where: %j', (text, line, column, message) => {
    const r = parseConfig(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toContain(message);
    expect([r.error.line, r.error.column]).toEqual([line, column]);
    expect(describeConfigError(r.error)).toMatch(new RegExp(`^\\.github/memcg-review\\.yml:${line}:${column}: `));
  });

  it('reports YAML syntax errors with their position', () => {
    const r = parseConfig('target: v5.11\npaths: [mm/**\n');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toMatch(/^not valid YAML: /);
      expect(r.error.line).toBeGreaterThanOrEqual(2);
    }
  });

  it('refuses a key given twice', () => {
    const r = parseConfig('maxComments: 3\nmaxComments: 4\n');
    expect(r.ok).toBe(false);
  });
});
