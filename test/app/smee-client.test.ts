/**
 * The README's local-trial tip (WEBHOOK_PROXY_URL with a smee.io channel) needs smee-client, which
 * probot 14 loads on demand with npx-import-light; it is an optional dependency of memcg-review, so
 * probot finds it installed (no "SmeeClient is not available" warning, no download).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

test('probot resolves smee-client@5.0.0 the way its webhook proxy does', async () => {
  const { npxImport } = (await import('npx-import-light')) as { npxImport: (pkg: string, o: object) => Promise<{ SmeeClient?: unknown }> };
  const smee = await npxImport('smee-client@5.0.0', { onlyPackageRunner: true });
  expect(typeof smee.SmeeClient).toBe('function');
  expect((require('../../package.json') as { optionalDependencies: Record<string, string> }).optionalDependencies['smee-client']).toBe('5.0.0');
});
