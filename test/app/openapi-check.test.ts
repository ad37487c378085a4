import { OpenApiCheck } from './openapi-check.js';

const check = new OpenApiCheck();

describe('OpenApiCheck: requests against GitHub\'s OpenAPI description', () => {
  it('knows the operations the App uses and refuses one GitHub does not have', () => {
    expect(check.problems({ method: 'GET', path: '/api/v3/repos/o/r/pulls/17/files' })).toEqual([]);
    expect(check.problems({ method: 'POST', path: '/app/installations/77/access_tokens', body: {} })).toEqual([]);
    expect(check.problems({ method: 'POST', path: '/repos/o/r/pulls/17/reviewz', body: {} })).toEqual(['POST /repos/o/r/pulls/17/reviewz: no such operation in GitHub\'s REST API']);
  });

  it('checks a body against its schema, enums included', () => {
    expect(check.problems({ method: 'POST', path: '/repos/o/r/check-runs', body: { name: 'memcg-review', head_sha: 'a'.repeat(40), status: 'in_progress' } })).toEqual([]);
    expect(check.problems({ method: 'POST', path: '/repos/o/r/check-runs', body: { name: 'memcg-review', head_sha: 'a', status: 'running' } }).join('\n')).toMatch(/^checks\/create: body\/status must be equal to one of the allowed values \(queued, in_progress\b/m);
    expect(check.problems({ method: 'POST', path: '/repos/o/r/pulls/17/reviews', body: { event: 'COMMENTS', comments: [{ path: 'mm/a.c', line: 3, side: 'RIGHT', body: 'x' }] } })).toEqual(['pulls/create-review: body/event must be equal to one of the allowed values (APPROVE, REQUEST_CHANGES, COMMENT)']);
    expect(check.problems({ method: 'POST', path: '/repos/o/r/check-runs', body: { head_sha: 'a' } }).join('\n')).toMatch(/must have required property 'name'/);
  });
});
