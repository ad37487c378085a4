/**
 * app.yml against GitHub's own description of its webhooks (npm @octokit/openapi-webhooks): an App
 * registered from the manifest must hold, for each event it subscribes to, the permission GitHub
 * names for that event ("a GitHub App must have at least read-level access for the 'Issues'
 * repository permission"); else GitHub never delivers the event.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'yaml';

interface Operation {
  summary?: string;
  description?: string;
  'x-github'?: { subcategory?: string; 'supported-webhook-types'?: string[] };
}

const require = createRequire(import.meta.url);
const spec = JSON.parse(fs.readFileSync(require.resolve('@octokit/openapi-webhooks/generated/api.github.com.json'), 'utf8')) as { webhooks: Record<string, { post: Operation }> };
const manifest = parse(fs.readFileSync(new URL('../../app.yml', import.meta.url), 'utf8')) as { default_events: string[]; default_permissions: Record<string, string> };

const LEVELS = ['none', 'read', 'write', 'admin'];
const REQUIREMENT = /at least (read|write|admin)-level access for the "([^"]+)" repository permission/g;

/** What GitHub says an App needs to receive `event`: permission (in app.yml's spelling) to level. */
function requirements(event: string): Map<string, string> {
  const needs = new Map<string, string>();
  const operations = Object.values(spec.webhooks).map((w) => w.post).filter((op) => op['x-github']?.subcategory === event);
  expect([event, operations.length > 0]).toEqual([event, true]);
  for (const op of operations) {
    expect([event, op['x-github']?.['supported-webhook-types']?.includes('app')]).toEqual([event, true]);
    for (const m of `${op.summary ?? ''} ${op.description ?? ''}`.matchAll(REQUIREMENT)) {
      const permission = m[2]!.toLowerCase().replace(/ /g, '_');
      if (LEVELS.indexOf(m[1]!) > LEVELS.indexOf(needs.get(permission) ?? 'none')) needs.set(permission, m[1]!);
    }
  }
  return needs;
}

describe('app.yml', () => {
  it.each(manifest.default_events)('holds the permission GitHub names for the %s event', (event) => {
    const needs = requirements(event);
    expect(needs.size).toBeGreaterThan(0);
    for (const [permission, level] of needs) {
      const granted = manifest.default_permissions[permission] ?? 'none';
      expect({ event, permission, granted: LEVELS.indexOf(granted) >= LEVELS.indexOf(level) ? level : granted }).toEqual({ event, permission, granted: level });
    }
  });

  it('subscribes to the events the App handles', () => {
    expect(manifest.default_events).toEqual(expect.arrayContaining(['pull_request', 'check_run', 'issue_comment']));
    expect(requirements('issue_comment')).toEqual(new Map([['issues', 'read']]));
  });
});
