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
import { tinyOnnxFiles } from '../../../scripts/lib/tiny-model';

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
  /** JSON answered at these exact addresses (`https://host/path`): another server's API. */
  json: Map<string, unknown>;
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

/** The model's files by path under its repository's root (`onnx/model_quantized.onnx`, `tokenizer.json`, …). */
export type ModelFiles = Record<string, Buffer>;

/**
 * Starts the server for the host of `modelUrl`, serving a model's files (the tiny test model's
 * by default) at their places beside it. Faults (a cut, a damaged file, a slow line) touch the
 * decoder, the one large file; a failing status answers every file.
 */
export async function startModelServer(
  modelUrl: string,
  listenPort = 0,
  files: ModelFiles = tinyOnnxFiles(),
): Promise<ModelServer> {
  const url = new URL(modelUrl);
  const host = url.hostname;
  const root = new URL('../', url).pathname;
  const decoderPath = url.pathname.slice(root.length);
  const pems = await generate([{ name: 'commonName', value: host }], {
    keySize: 2048,
    days: 2,
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: host }] }],
  } as never);
  const state = {
    log: [] as string[],
    cutAfter: null as number | null,
    failWith: null as number | null,
    damaged: false,
    bytesPerSecond: null as number | null,
    aborted: [] as string[],
    json: new Map<string, unknown>(),
  };
  // The same length and the first bytes, then zeros: what a garbled download looks like.
  const decoder = files[decoderPath]!;
  let damagedBody: Buffer | null = null;
  const damaged = () => (damagedBody ??= Buffer.concat([decoder.subarray(0, 4), Buffer.alloc(decoder.length - 4)]));
  const server: Server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const range = req.headers.range ?? '';
    state.log.push(
      `${req.method} https://${req.headers.host?.replace(/:\d+$/, '')}${req.url}${range ? ` ${range}` : ''}`,
    );
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', 'Content-Length, Content-Range, Accept-Ranges');
    res.setHeader('Accept-Ranges', 'bytes');
    if (req.method === 'OPTIONS') return void res.writeHead(204, { 'Access-Control-Allow-Headers': '*' }).end();
    if (state.failWith) return void res.writeHead(state.failWith).end();
    const api = state.json.get(`https://${req.headers.host?.replace(/:\d+$/, '')}${req.url}`);
    if (api !== undefined)
      return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(api));
    const path = (req.url ?? '').split('?')[0]!;
    const rawRoot = root.replace('/resolve/', '/raw/');
    const name = path.startsWith(root)
      ? path.slice(root.length)
      : path.startsWith(rawRoot)
        ? path.slice(rawRoot.length)
        : '';
    const isDecoder = name === decoderPath;
    const body = isDecoder && state.damaged ? damaged() : files[name];
    if (!body) return void res.writeHead(404).end();
    // The model host's raw address: a pointer with the SHA-256 for a large (LFS) file, which
    // wllama's cache reads; the file itself for a small one.
    if (path.startsWith(rawRoot)) {
      if (!isDecoder) return void res.writeHead(200, { 'Content-Type': 'text/plain' }).end(body);
      return void res
        .writeHead(200, { 'Content-Type': 'text/plain' })
        .end(
          `version https://git-lfs.github.com/spec/v1\noid ` +
            `sha256:${createHash('sha256').update(body).digest('hex')}\nsize ${body.length}\n`,
        );
    }
    const m = /bytes=(\d+)-(\d*)/.exec(range);
    const start = m ? Number(m[1]) : 0;
    const end = m?.[2] ? Number(m[2]) : body.length - 1;
    const chunk = body.subarray(start, end + 1);
    res.writeHead(m ? 206 : 200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(chunk.length),
      ...(m ? { 'Content-Range': `bytes ${start}-${end}/${body.length}` } : {}),
    });
    if (req.method === 'HEAD') return void res.end();
    if (state.cutAfter != null && isDecoder) {
      res.write(chunk.subarray(0, state.cutAfter));
      return void res.destroy();
    }
    if (state.bytesPerSecond && isDecoder)
      return trickle(res, chunk, state.bytesPerSecond, () => state.aborted.push(`https://${host}${req.url}`));
    res.end(chunk);
  });
  // A WebSocket (wss:) reaches the network here too: logged as such, and refused.
  server.on('upgrade', (req, socket) => {
    state.log.push(`${req.method} wss://${req.headers.host?.replace(/:\d+$/, '')}${req.url}`);
    socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listenPort, '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return Object.assign(state, {
    port,
    host,
    // Ends open connections too: a browser's keep-alive socket would hold close() open.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}
