/**
 * The model host as the browser sees it: an HTTPS server on this machine that answers for the
 * real model host (the browser maps the host name here and accepts its certificate). The
 * engine runs in pages no route can see (Chrome's offscreen document, Firefox's background), so
 * the file is served at the network level, in place of the default CPU model's real URL.
 */
import { createServer, type Server } from 'node:https';
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
  close(): Promise<void>;
}

/** Starts the server for the host of `modelUrl`, serving the tiny test model (or `body`). */
export async function startModelServer(modelUrl: string, listenPort = 0, body: Buffer = tinyChatModel()): Promise<ModelServer> {
  const host = new URL(modelUrl).hostname;
  const pems = await generate([{ name: 'commonName', value: host }], { keySize: 2048, days: 2, extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: host }] }] } as never);
  const state = { log: [] as string[], cutAfter: null as number | null, failWith: null as number | null, damaged: false };
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
