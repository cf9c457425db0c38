/**
 * Firefox's network, watched at the one place every request passes: the browser is told to use
 * this proxy for every scheme and every host, IP literals and localhost included, so whatever
 * any of its contexts asks for (pages, the background page, extension tabs) arrives here first.
 * Firefox can map host names to an address but not to a port, and its WebDriver BiDi network
 * events do not cover the background page: a proxy sees all of it.
 */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface EgressProxy {
  port: number;
  /**
   * Plain-http origins the proxy relays to instead of answering 502: the user's own model
   * server, the one place besides the model's host a test lets Skein reach. Still logged.
   */
  relayTo: Set<string>;
  close(): Promise<void>;
}

/**
 * Starts the proxy. Each request is written to `log` as `METHOD url`, in the model server's
 * form:
 * - plain http arrives with its whole URL, and is answered 502 (nothing is reached);
 * - a tunnel to port 443 (https, wss) goes on to the local HTTPS server at `httpsPort`, which
 *   logs the exact URL itself;
 * - a tunnel to any other port (ws:, http to an odd port through CONNECT) is read here: its
 *   first request is logged with its scheme (`ws://…` for an upgrade), or `CONNECT host:port`
 *   when what comes through is no plain HTTP (TLS to an odd port).
 */
export async function startEgressProxy(httpsPort: number, log: string[]): Promise<EgressProxy> {
  // Tunnels to odd ports, by socket, until their first request is read.
  const tunnels = new Map<Socket, string>();
  // Every socket, both ends of tunnels included (the server forgets a socket once it tunnels).
  const sockets = new Set<Socket>();
  const keep = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  const seen = (req: IncomingMessage, scheme: 'http' | 'ws'): string => {
    tunnels.delete(req.socket);
    const url = req.url ?? '';
    return /^[a-z]+:\/\//.test(url) ? url : `${scheme}://${req.headers.host ?? '?'}${url}`;
  };
  const relayTo = new Set<string>();
  const server: Server = createServer((req, res) => {
    const url = seen(req, 'http');
    log.push(`${req.method} ${url}`);
    if (URL.canParse(url) && relayTo.has(new URL(url).origin)) relay(req, res, url);
    else res.writeHead(502).end();
  });
  server.on('upgrade', (req: IncomingMessage, socket: Socket) => {
    log.push(`${req.method} ${seen(req, 'ws').replace(/^http:/, 'ws:')}`);
    socket.destroy();
  });
  server.on('connection', keep);
  server.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const target = req.url ?? '';
    socket.on('error', () => undefined);
    if (target.endsWith(':443')) {
      const upstream = connect(httpsPort, '127.0.0.1', () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        if (head.length) upstream.write(head);
        upstream.pipe(socket).pipe(upstream);
      });
      keep(upstream);
      upstream.on('error', () => socket.destroy());
      socket.on('close', () => upstream.destroy());
      return;
    }
    // The tunnel's content is parsed by this same server, as a plain connection.
    tunnels.set(socket, target);
    socket.on('close', () => {
      if (tunnels.delete(socket)) log.push(`CONNECT ${target}`);
    });
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    server.emit('connection', socket);
    if (head.length) socket.unshift(head);
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    relayTo,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

/** Passes a request on and streams the answer back; a client that leaves ends the upstream request too. */
function relay(req: IncomingMessage, res: ServerResponse, url: string): void {
  const upstream = request(url, { method: req.method, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => res.destroy());
  res.on('close', () => upstream.destroy());
  req.pipe(upstream);
}
