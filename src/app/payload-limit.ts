import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Probot } from 'probot';

/** GitHub sends webhook payloads of at most 25 MB: a larger body is not GitHub's. */
export const DEFAULT_MAX_PAYLOAD_BYTES = 25 * 1024 * 1024;

type Middleware = (req: IncomingMessage, res: ServerResponse, next?: () => void) => Promise<boolean>;
type Body = { kind: 'read'; text: string } | { kind: 'too-large' } | { kind: 'gone' };

/**
 * probot 14 (@octokit/webhooks 14) reads a delivery's whole body, with no size limit, before it
 * checks the signature: anyone who can reach the server could make it hold gigabytes. This reads
 * the body of each POST itself, at most `maxBytes` (a larger Content-Length is refused unread),
 * answers 413 past that, and hands the text on as `req.body`, which the webhooks middleware takes
 * instead of reading the stream. Installed on the Probot instance before `probot run` starts its server.
 */
export function limitPayloads(app: Probot, maxBytes: number): void {
  const original = app.getNodeMiddleware.bind(app);
  app.getNodeMiddleware = async (options) => {
    const inner = (await original(options)) as unknown as Middleware;
    const limited: Middleware = async (req, res, next) => {
      if (req.method !== 'POST') return inner(req, res, next);
      const body = await readLimited(req, maxBytes);
      if (body.kind === 'gone') return true;
      if (body.kind === 'too-large') {
        res.writeHead(413, { 'content-type': 'application/json', connection: 'close' }).end(JSON.stringify({ error: `payload over ${maxBytes} bytes` }));
        req.resume(); // the rest is read and dropped, never held
        return true;
      }
      (req as IncomingMessage & { body?: string }).body = body.text;
      return inner(req, res, next);
    };
    return limited as unknown as Awaited<ReturnType<Probot['getNodeMiddleware']>>;
  };
}

function readLimited(req: IncomingMessage, maxBytes: number): Promise<Body> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.resolve({ kind: 'too-large' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else {
        req.off('data', onData);
        chunks.length = 0;
        resolve({ kind: 'too-large' });
      }
    };
    req.on('data', onData);
    req.once('end', () => resolve({ kind: 'read', text: new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks)) }));
    req.once('error', () => resolve({ kind: 'gone' }));
    req.once('close', () => resolve({ kind: 'gone' }));
  });
}
