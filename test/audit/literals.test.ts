import { literalsOf, longestCommonSubstring } from '../../src/audit/literals.js';

describe('literalsOf', () => {
  test('a plain alternation gives its literals, word boundaries dropped', () => {
    expect(literalsOf(/mem_cgroup\b|obj_cgroups|memcg_data|Kmemcg/)).toEqual(['mem_cgroup', 'obj_cgroups', 'memcg_data', 'Kmemcg']);
  });

  test('escaped punctuation is a literal character', () => {
    expect(literalsOf(/a\.b|c\-d/)).toEqual(['a.b', 'c-d']);
  });

  test.each([/folio_memcg\(|x+/, /a.b/, /(a|b)c/, /[ab]/, /^a/])('%s is not a plain alternation of literals', (re) => {
    expect(literalsOf(re)).toBeNull();
  });

  test('case-insensitive and unicode-set flags make it no literal search', () => {
    expect(literalsOf(/memcg/i)).toBeNull();
    expect(literalsOf(/memcg/v)).toBeNull();
  });
});

describe('longestCommonSubstring', () => {
  test('the relevant tokens share "cg"', () => {
    expect(longestCommonSubstring(['mem_cgroup', 'obj_cgroups', 'memcg_data', 'Kmemcg'])).toBe('cg');
  });

  test('the longest shared piece, or the string itself when alone', () => {
    expect(longestCommonSubstring(['page_memcg', 'folio_memcg_kmem'])).toBe('_memcg');
    expect(longestCommonSubstring(['memcg'])).toBe('memcg');
    expect(longestCommonSubstring(['abc', 'xyz'])).toBe('');
    expect(longestCommonSubstring([])).toBe('');
  });
});
