import { describe, expect, it } from '@jest/globals';
import { fingerprint, fingerprintAll, normalizeCodeLine } from '../../src/app/fingerprint.js';
import { findingMarker, readFindingMarkers, readStateMarker, stateMarker } from '../../src/app/markers.js';
import { findingAt } from './sample-result.js';

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
