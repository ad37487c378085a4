import { formatSarif, SARIF_SCHEMA } from '../../src/report/sarif.js';
import { RULES } from '../../src/rules/index.js';
import type { RuleMeta } from '../../src/rules/rule.js';
import { auditSample, cleanAudit } from './audit-sample.js';
import { sarifProblems } from './sarif-structure.js';

const META: RuleMeta[] = RULES.map((r) => r.meta);

describe('SARIF 2.1.0', () => {
  const log = JSON.parse(formatSarif(auditSample(), '0.1.0', META));
  const run = log.runs[0];

  test('has the structure the schema requires, for an audit with findings and for a clean one', () => {
    expect(sarifProblems(log)).toEqual([]);
    expect(sarifProblems(JSON.parse(formatSarif(cleanAudit(), '0.1.0', META)))).toEqual([]);
    expect(log.$schema).toBe(SARIF_SCHEMA);
    expect(log.version).toBe('2.1.0');
  });

  test('the structure check itself catches what the schema forbids', () => {
    const broken = structuredClone(log);
    delete broken.runs[0].tool.driver.name;
    broken.runs[0].results[0].level = 'fatal';
    broken.runs[0].results[0].extra = 1;
    broken.runs[0].results[1].ruleIndex = 0;
    broken.runs[0].results[1].locations[0].physicalLocation.region.startLine = 0;
    broken.runs[0].results[2].fixes = [{ artifactChanges: [] }];
    expect(sarifProblems(broken)).toEqual([
      "$.runs[0].tool.driver: missing required 'name'",
      "$.runs[0].results[0].level: 'fatal' not one of none, note, warning, error",
      "$.runs[0].results[0]: property 'extra' is not allowed",
      '$.runs[0].results[1].locations[0].physicalLocation.region.startLine: not an integer >= 1',
      '$.runs[0].results[2].fixes[0].artifactChanges: fewer than 1 items',
    ]);
    const badIndex = structuredClone(log);
    badIndex.runs[0].results[1].ruleIndex = 3;
    expect(sarifProblems(badIndex)).toEqual(['$.runs[0].results[1]: ruleIndex does not name ruleId']);
  });

  test('rule metadata from the rules: what GitHub code scanning requires and shows', () => {
    expect(run.tool.driver).toMatchObject({ name: 'memcg-review', version: '0.1.0', semanticVersion: '0.1.0' });
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(META.map((m) => m.id));
    for (const [i, rule] of run.tool.driver.rules.entries()) {
      expect(rule.shortDescription.text).toBe(META[i]!.description);
      expect(rule.fullDescription.text.length).toBeGreaterThan(0);
      expect(rule.fullDescription.text.length).toBeLessThanOrEqual(1024);
      expect(rule.help.text).toBe(META[i]!.docs);
      expect(rule.name.length).toBeLessThanOrEqual(255);
      expect(['note', 'warning', 'error']).toContain(rule.defaultConfiguration.level);
      expect(['error', 'warning', 'recommendation']).toContain(rule.properties['problem.severity']);
      expect(['very-high', 'high', 'medium', 'low']).toContain(rule.properties.precision);
    }
    expect(run.tool.driver.rules.find((r: { id: string }) => r.id === 'memcg-field-read').name).toBe('MemcgFieldRead');
  });

  test('one result per finding: level, message, location relative to the tree, fingerprint', () => {
    expect(run.results).toHaveLength(4);
    const read = run.results.find((r: { ruleId: string }) => r.ruleId === 'memcg-field-read');
    expect(read).toMatchObject({
      ruleIndex: META.findIndex((m) => m.id === 'memcg-field-read'),
      level: 'error',
      message: { text: 'open-coded read of page->mem_cgroup; use page_memcg(). Fix (proven): page is an LRU page here.' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'mm/page_stats.c', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 6, endLine: 3, endColumn: 22, snippet: { text: '\tif (page->mem_cgroup)' } } } }],
      properties: { confidence: 'high', verdict: 'proven' },
    });
    expect(read.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{16}$/);
    expect(run.results.map((r: { level: string }) => r.level)).toEqual(['warning', 'error', 'note', 'error']);
  });

  test('fixes as replacements of the flagged region, with the verdict; none where no fix is offered', () => {
    const read = run.results.find((r: { ruleId: string }) => r.ruleId === 'memcg-field-read');
    expect(read.fixes).toEqual([
      {
        description: { text: 'Proven fix: page is an LRU page here.' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'mm/page_stats.c', uriBaseId: '%SRCROOT%' },
            replacements: [{ deletedRegion: { startLine: 3, startColumn: 6, endLine: 3, endColumn: 22 }, insertedContent: { text: 'page_memcg(page)' } }],
          },
        ],
      },
    ]);
    expect(run.results.find((r: { ruleId: string }) => r.ruleId === 'page-kmemcg').fixes[0].description.text).toMatch(/^Conditional fix: /);
    expect(run.results.find((r: { ruleId: string }) => r.ruleId === 'memcg-field-write').fixes).toBeUndefined();
  });

  test('the fingerprint survives the line moving, and tells apart identical lines', () => {
    const moved = auditSample();
    const shift = '\n\n';
    const text = shift + moved.sources.get('0:mm/page_stats.c')!;
    moved.sources.set('0:mm/page_stats.c', text);
    moved.findings = moved.findings.map((f) => (f.file === 'mm/page_stats.c' ? { ...f, start: f.start + 2, end: f.end + 2, line: f.line + 2, endLine: f.endLine + 2 } : f));
    const again = JSON.parse(formatSarif(moved, '0.1.0', META)).runs[0];
    const hashes = (r: { results: { partialFingerprints: { primaryLocationLineHash: string } }[] }) => r.results.map((x) => x.partialFingerprints.primaryLocationLineHash);
    expect(hashes(again)).toEqual(hashes(run));
    expect(new Set(hashes(run)).size).toBe(4);
  });

  test('notes and errors become notifications; the run is unsuccessful when a file failed', () => {
    expect(run.invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          { level: 'error', message: { text: 'mm/crash.c: review failed: boom' } },
          { level: 'note', message: { text: 'not fixed: the file is not valid UTF-8' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'mm/latin1.c', uriBaseId: '%SRCROOT%' } } }] },
          { level: 'note', message: { text: '2 symbolic links not followed' } },
        ],
      },
    ]);
  });

  test('paths with characters a URI cannot hold are percent-encoded', () => {
    const odd = auditSample();
    odd.findings = odd.findings.map((f) => ({ ...f, file: 'drivers/my dir/a#b.c' }));
    odd.sources = new Map([['0:drivers/my dir/a#b.c', odd.sources.get('0:mm/page_stats.c')!]]);
    const r = JSON.parse(formatSarif(odd, '0.1.0', META));
    expect(r.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('drivers/my%20dir/a%23b.c');
    expect(sarifProblems(r)).toEqual([]);
  });
});
