import { actionInputs, type ActionInputs } from '../../src/action/action-inputs.js';
import { planAction } from '../../src/action/action-plan.js';
import { reviewRange } from '../../src/action/review-range.js';

const inputs = (over: Partial<ActionInputs> = {}): ActionInputs => ({ ...actionInputs({}), ...over });
const range = { base: 'b0', head: 'h1' };

describe('planAction', () => {
  it('checks the commits base..head as JSON (the gate) and audits the tree as SARIF', () => {
    expect(planAction(inputs(), range, true)).toEqual({
      runs: [
        { command: 'check', argv: ['check', '--git', 'b0..h1', '--target', 'auto', '--fail-on', 'error', '--format', 'json'], gate: true },
        { command: 'audit', argv: ['audit', '.', '--target', 'auto', '--fail-on', 'error', '--format', 'sarif', '--output', 'memcg-review.sarif'], gate: false, sarif: 'memcg-review.sarif' },
      ],
      notices: [],
    });
  });

  it('gates on the audit when it runs alone, and runs only what the mode asks', () => {
    expect(planAction(inputs({ mode: 'audit', path: 'linux', failOn: 'warning' }), range, true).runs).toEqual([
      { command: 'audit', argv: ['audit', 'linux', '--target', 'auto', '--fail-on', 'warning', '--format', 'sarif', '--output', 'memcg-review.sarif'], gate: true, sarif: 'memcg-review.sarif' },
    ]);
    expect(planAction(inputs({ mode: 'check' }), range, true).runs.map((r) => r.command)).toEqual(['check']);
  });

  it('says why a part is skipped: no range, no audit command', () => {
    expect(planAction(inputs(), null, false)).toEqual({
      runs: [],
      notices: [
        'memcg-review: no commits to check: not a pull request or push event; set the inputs base and head',
        'memcg-review: this version has no audit command: no SARIF for code scanning',
      ],
    });
  });
});

describe('actionInputs', () => {
  it('reads MEMCG_REVIEW_* and refuses bad values', () => {
    expect(actionInputs({ MEMCG_REVIEW_MODE: ' check ', MEMCG_REVIEW_FAIL_ON: 'info', MEMCG_REVIEW_TARGET: 'v6.1' })).toMatchObject({ mode: 'check', failOn: 'info', target: 'v6.1' });
    expect(() => actionInputs({ MEMCG_REVIEW_MODE: 'lint' })).toThrow("bad value 'lint' for the input mode (one of: check, audit, both)");
    expect(() => actionInputs({ MEMCG_REVIEW_FAIL_ON: 'never' })).toThrow("bad value 'never' for the input fail-on (one of: error, warning, info)");
  });
});

describe('reviewRange', () => {
  const none = { base: '', head: '' };
  it('takes a pull request\'s base and head, a push\'s before and after, the inputs over both', () => {
    const pr = { pull_request: { base: { sha: 'base1' }, head: { sha: 'head1' } } };
    expect(reviewRange('pull_request', pr, none, 'merge1')).toEqual({ base: 'base1', head: 'head1' });
    expect(reviewRange('pull_request_target', pr, { base: 'v6.1', head: '' }, 'merge1')).toEqual({ base: 'v6.1', head: 'head1' });
    expect(reviewRange('push', { before: 'old', after: 'new' }, none, 'new')).toEqual({ base: 'old', head: 'new' });
    expect(reviewRange('workflow_dispatch', {}, { base: 'v6.1', head: '' }, 'sha1')).toEqual({ base: 'v6.1', head: 'sha1' });
  });

  it('has none for a new branch, another event without inputs, or no event at all', () => {
    expect(reviewRange('push', { before: '0000000000000000000000000000000000000000', after: 'new' }, none, 'new')).toBeNull();
    expect(reviewRange('schedule', {}, none, 'sha1')).toBeNull();
    expect(reviewRange('pull_request', null, none, 'sha1')).toBeNull();
  });
});
