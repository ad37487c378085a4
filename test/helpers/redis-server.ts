import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';

/** A real redis-server of the test's own: loopback, a free port, its own temp dir, nothing persisted. */
export interface RedisServer {
  port: number;
  url: string;
  pid: number;
  /** A new client (the caller quits it). */
  client(): Redis;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export function redisServerPath(): string {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
  if (!found) throw new Error('redis-server is not installed (.ci/run installs it: apt-get install redis-server)');
  return found;
}

export async function startRedisServer(): Promise<RedisServer> {
  const bin = redisServerPath();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'memcg-review-redis-'));
  const port = await freePort();
  const child: ChildProcess = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let attempt = 0; ; attempt++) {
      if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}:\n${out}`);
      if (/Ready to accept connections/.test(out)) break;
      if (attempt > 300) throw new Error(`redis-server did not start:\n${out}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch (e) {
    await stop();
    throw e;
  }
  const url = `redis://127.0.0.1:${port}`;
  return { port, url, pid: child.pid!, client: () => new Redis(url, { maxRetriesPerRequest: 1 }), stop };
}
