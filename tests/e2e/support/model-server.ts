/**
 * The model host as the browser sees it: an HTTPS server on this machine that answers for the
 * real model host (the browser maps the host name here and accepts its certificate). The
 * engine runs in pages no route can see (Chrome's offscreen document, Firefox's background), so
 * the file is served at the network level, in place of the default CPU model's real URL.
 */
import { createServer, type Server } from 'node:https';
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { tinyChatModel } from '../../../scripts/lib/tiny-model';

export interface ModelServer {
  port: number;
  /** Host name the browser must send here. */
  host: string;
  /** Every request it got, from any host the browser mapped here: method, URL and range. */
  log: string[];
  /** When set, the next downloads stop after this many bytes (a cut connection). */
  cutAfter: number | null;
  /** When set, answers with this HTTP status (a missing or refused model). */
  failWith: number | null;
  /** When set, serves a file of the right size that is no model (a damaged download). */
  damaged: boolean;
  /** When set, sends the file at this many bytes a second (a slow connection). */
  bytesPerSecond: number | null;
  /** Transfers the browser gave up before their end, by URL. */
  aborted: string[];
  close(): Promise<void>;
}

/** Sends `body` ten pieces a second at `rate`; `onAbort` when the client leaves before the end. */
function trickle(res: ServerResponse, body: Buffer, rate: number, onAbort: () => void): void {
  const piece = Math.max(1, Math.floor(rate / 10));
  let sent = 0;
  const timer = setInterval(() => {
    if (res.destroyed) return;
    const next = body.subarray(sent, sent + piece);
    sent += next.length;
    if (sent >= body.length) {
      clearInterval(timer);
      res.end(next);
    } else res.write(next);
  }, 100);
  res.on('close', () => {
    clearInterval(timer);
    if (sent < body.length) onAbort();
  });
}

/** Starts the server for the host of `modelUrl`, serving the tiny test model (or `body`). */
export async function startModelServer(modelUrl: string, listenPort = 0, body: Buffer = tinyChatModel()): Promise<ModelServer> {
  const host = new URL(modelUrl).hostname;
  const pems = await generate([{ name: 'commonName', value: host }], { keySize: 2048, days: 2, extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: host }] }] } as never);
  const state = { log: [] as string[], cutAfter: null as number | null, failWith: null as number | null, damaged: false, bytesPerSecond: null as number | null, aborted: [] as string[] };
  // The same length and GGUF's magic bytes, then zeros: what a garbled download looks like.
  let damagedBody: Buffer | null = null;
  const damaged = () => (damagedBody ??= Buffer.concat([body.subarray(0, 4), Buffer.alloc(body.length - 4)]));
  const server: Server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const range = req.headers.range ?? '';
    state.log.push(`${req.method} https://${req.headers.host?.replace(/:\d+$/, '')}${req.url}${range ? ` ${range}` : ''}`);
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', 'Content-Length, Content-Range, Accept-Ranges');
    res.setHeader('Accept-Ranges', 'bytes');
    if (req.method === 'OPTIONS') return void res.writeHead(204, { 'Access-Control-Allow-Headers': '*' }).end();
    if (state.failWith) return void res.writeHead(state.failWith).end();
    // The model host's pointer to a large file, which wllama reads for the file's SHA-256.
    if (req.url?.includes('/raw/')) {
      const file = state.damaged ? damaged() : body;
      return void res.writeHead(200, { 'Content-Type': 'text/plain' }).end(`version https://git-lfs.github.com/spec/v1\noid sha256:${createHash('sha256').update(file).digest('hex')}\nsize ${file.length}\n`);
    }
    const m = /bytes=(\d+)-(\d*)/.exec(range);
    const start = m ? Number(m[1]) : 0;
    const end = m && m[2] ? Number(m[2]) : body.length - 1;
    const chunk = (state.damaged ? damaged() : body).subarray(start, end + 1);
    res.writeHead(m ? 206 : 200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(chunk.length),
      ...(m ? { 'Content-Range': `bytes ${start}-${end}/${body.length}` } : {}),
    });
    if (req.method === 'HEAD') return void res.end();
    if (state.cutAfter != null) {
      res.write(chunk.subarray(0, state.cutAfter));
      return void res.destroy();
    }
    if (state.bytesPerSecond) return trickle(res, chunk, state.bytesPerSecond, () => state.aborted.push(`https://${host}${req.url}`));
    res.end(chunk);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listenPort, '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return Object.assign(state, {
    port,
    host,
    // Ends open connections too: a browser's keep-alive socket would hold close() open, and the
    // next test's server (Firefox's, on the same port 443) waits for this one to be gone.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}
