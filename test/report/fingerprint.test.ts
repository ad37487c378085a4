import { describe, expect, it } from '@jest/globals';
import { fingerprint, fingerprintAll, fingerprintsOf, normalizeCodeLine } from '../../src/report/fingerprint.js';
import { formatSarif } from '../../src/report/sarif.js';
import { RULES } from '../../src/rules/index.js';
import { auditSample } from './audit-sample.js';
import { findingMarker, readFindingMarkers, readStateMarker, stateMarker } from '../../src/app/markers.js';
import { findingAt } from '../app/sample-result.js';

describe('fingerprints', () => {
  it('ignore indentation and line numbers but not the code, the rule or the file', () => {
    const fp = fingerprint('memcg-field-read', 'mm/a.c', '\tmemcg = page->mem_cgroup;');
    expect(fp).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint('memcg-field-read', 'mm/a.c', '        memcg  =  page->mem_cgroup; ')).toBe(fp);
    expect(fingerprint('memcg-field-read', 'mm/a.c', 'memcg = head->mem_cgroup;')).not.toBe(fp);
    expect(fingerprint('tag-trick', 'mm/a.c', '\tmemcg = page->mem_cgroup;')).not.toBe(fp);
    expect(fingerprint('memcg-field-read', 'mm/b.c', '\tmemcg = page->mem_cgroup;')).not.toBe(fp);
    expect(normalizeCodeLine('\t a \t b ')).toBe('a b');
  });

  it('keep two findings of one rule on equal lines apart', () => {
    const a = findingAt('page->mem_cgroup');
    const fps = fingerprintAll([a, { ...a, line: 40 }], () => 'memcg = page->mem_cgroup;');
    expect(fps[0]).not.toBe(fps[1]);
    expect(fingerprintAll([a], () => 'memcg = page->mem_cgroup;')[0]).toBe(fps[0]);
  });
});

describe('markers', () => {
  it('round-trip a finding fingerprint and ignore look-alikes', () => {
    const body = `text\n${findingMarker('0123456789abcdef')}\n<!-- memcg-review:fp=zz -->`;
    expect(readFindingMarkers(body)).toEqual(['0123456789abcdef']);
    expect(readFindingMarkers(null)).toEqual([]);
  });

  it('round-trip the review state, even with "--" in a path', () => {
    const state = { v: 1 as const, ok: true, config: 'abc', findings: [['0123456789abcdef', 'tag-trick', 'mm/a--b.c', 3] as [string, string, string, number]] };
    const marker = stateMarker(state);
    expect(marker.slice(4, -3)).not.toContain('--');
    expect(readStateMarker(`## summary\n\n${marker}`)).toEqual(state);
    expect(readStateMarker('no marker')).toBeNull();
    expect(readStateMarker('<!-- memcg-review:state={"v":2} -->')).toBeNull();
  });
});

describe('one fingerprint for SARIF and the App', () => {
  it('is the App marker value of earlier releases (markers already posted on pull requests still match)', () => {
    expect(fingerprint('memcg-field-read', 'mm/a.c', '\tmemcg = page->mem_cgroup;')).toBe('0b036f9340106390');
  });

  it('SARIF primaryLocationLineHash is the fingerprint the App puts in its marker, for every finding', () => {
    const result = auditSample();
    const sarif = JSON.parse(formatSarif(result, '0.1.0', RULES.map((r) => r.meta))).runs[0];
    const hashes = sarif.results.map((r: { partialFingerprints: { primaryLocationLineHash: string } }) => r.partialFingerprints.primaryLocationLineHash);
    // The App's marker for each finding, counted as the App counts: rule, file, code line, ordinal.
    const markers = result.findings.map((f) => readFindingMarkers(findingMarker(fingerprintsOf(result)[result.findings.indexOf(f)]!))[0]);
    expect(hashes).toEqual(markers);
    const [read, write] = [result.findings[1]!, result.findings[3]!];
    expect(hashes[1]).toBe(fingerprint(read.ruleId, read.file, '\tif (page->mem_cgroup)', 0));
    expect(hashes[3]).toBe(fingerprint(write.ruleId, write.file, '\tpage->mem_cgroup = NULL;', 0));
    expect(new Set(hashes).size).toBe(4);
  });
});
