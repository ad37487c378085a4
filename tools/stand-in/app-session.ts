import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import type { GitHubStandIn } from './github-stand-in.js';
import { signDelivery } from './sign.js';

/** The real server process (`probot run dist/app/index.js`, as `npm start` runs it) pointed at a stand-in. */
export interface AppSession {
  port: number;
  /** The server process's id (its RSS is in /proc/PID/status). */
  pid: number;
  secret: string;
  /** Sends a delivery to /api/github/webhooks; `signature` overrides the correct one. */
  deliver(event: string, payload: unknown, options?: { id?: string; signature?: string }): Promise<{ status: number; text: string }>;
  /** What the server printed, for a failure message. */
  output(): string;
  stop(): Promise<void>;
}

export interface SessionOptions {
  /** The repository root (holds node_modules/probot). */
  root: string;
  /** The App's built entry, relative to root; default ./dist/app/index.js (what `npm start` loads). */
  entry?: string;
  appId: number;
  standIn: GitHubStandIn;
  env?: Record<string, string>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitForPing(port: number, child: ChildProcess, output: () => string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/ping`);
      if (res.ok && (await res.text()) === 'PONG') return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server did not answer /ping:\n${output()}`);
}

export async function startAppSession(options: SessionOptions): Promise<AppSession> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  const port = await freePort();
  const secret = `secret-${randomUUID()}`;
  const child = spawn(process.execPath, ['node_modules/probot/bin/probot.js', 'run', options.entry ?? './dist/app/index.js'], {
    cwd: options.root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      APP_ID: String(options.appId),
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET: secret,
      GHE_HOST: options.standIn.host,
      GHE_PROTOCOL: 'http',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      MEMCG_REVIEW_RETRY_BASE_MS: '50',
      MEMCG_REVIEW_RETRY_MAX_MS: '200',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const output = () => out;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
  };
  try {
    await waitForPing(port, child, output);
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    port,
    pid: child.pid!,
    secret,
    output,
    stop,
    async deliver(event, payload, opts = {}) {
      const body = JSON.stringify(payload);
      const res = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-github-event': event,
          'x-github-delivery': opts.id ?? randomUUID(),
          'x-hub-signature-256': opts.signature ?? signDelivery(secret, body),
          'user-agent': 'GitHub-Hookshot/stand-in',
        },
        body,
      });
      return { status: res.status, text: await res.text() };
    },
  };
}
