// @vitest-environment node
/**
 * "Your own server" against a real HTTP server on this machine, answering as the
 * OpenAI-compatible servers do (and as they fail).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { EngineError } from '@/utils/llm/engine';
import { listServerModels, ServerEngine, serverModel, serverRoot } from '@/utils/llm/server-engine';

type Handler = (req: IncomingMessage & { body: string }, res: ServerResponse) => void;

const servers: { close(): void; closeAllConnections(): void }[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    s.close();
  }
});

/** A server on a free port answering with `handler`; resolves to its API root. */
async function serve(handler: Handler): Promise<string> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => handler(Object.assign(req, { body }), res));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}

const MODELS = { object: 'list', data: [{ id: 'qwen2.5:0.5b' }, { id: 'llama3.2' }] };

/** A streamed answer, event by event, in pieces cut anywhere. */
function sse(pieces: string[]): string {
  const events = pieces.map((p) => `data: ${JSON.stringify({ choices: [{ delta: { content: p } }] })}\n\n`);
  return `: keep-alive\n\n${events.join('')}data: [DONE]\n\n`;
}

/** The error a promise ends with. */
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as EngineError,
  );

describe('serverRoot', () => {
  it.each([
    ['http://localhost:11434/v1/', 'http://localhost:11434/v1'],
    [' https://box.lan:8080/v1?x=1#top ', 'https://box.lan:8080/v1'],
    ['http://192.168.1.20:1234/v1', 'http://192.168.1.20:1234/v1'],
  ])('%s → %s', (typed, root) => expect(serverRoot(typed)).toBe(root));

  it.each([
    ['localhost:11434', /not .*localhost:/],
    ['ftp://box/v1', /http or https/],
    ['http://me:secret@box/v1', /name and password/],
    ['my server', /not a web address/],
  ])('refuses %s, saying why', (typed, why) => {
    expect(() => serverRoot(typed)).toThrow(why);
  });
});

describe('ServerEngine', () => {
  it('lists the server’s models', async () => {
    const root = await serve((_, res) => res.end(JSON.stringify(MODELS)));
    expect(await listServerModels(root)).toEqual(['qwen2.5:0.5b', 'llama3.2']);
  });

  it('streams an answer cut anywhere, asks for exactly what it should, and sends no credentials', async () => {
    const seen: { url?: string; body?: string; headers?: Record<string, unknown> } = {};
    const root = await serve((req, res) => {
      if (req.url === '/v1/models') return void res.end(JSON.stringify(MODELS));
      Object.assign(seen, { url: req.url, body: req.body, headers: req.headers });
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const all = Buffer.from(sse(['Wool ', 'is ', 'warm ', 'é😀.']));
      // Cut into 7-byte pieces: inside lines, inside JSON, inside characters.
      let at = 0;
      const next = () => {
        if (at >= all.length) return void res.end();
        res.write(all.subarray(at, (at += 7)));
        setImmediate(next);
      };
      next();
    });
    const engine = new ServerEngine();
    await engine.load(serverModel(root, 'qwen2.5:0.5b'));
    const pieces: string[] = [];
    const messages = [
      { role: 'system' as const, content: 'Summarize.' },
      { role: 'user' as const, content: '<posts>…</posts>' },
    ];
    const text = await engine.generate(messages, { maxTokens: 64, onToken: (t) => pieces.push(t) });
    expect(text).toBe('Wool is warm é😀.');
    expect(pieces).toEqual(['Wool ', 'is ', 'warm ', 'é😀.']);
    expect(seen.url).toBe('/v1/chat/completions');
    expect(JSON.parse(seen.body ?? '')).toEqual({
      model: 'qwen2.5:0.5b',
      messages,
      stream: true,
      temperature: 0,
      max_tokens: 64,
    });
    expect(seen.headers).not.toHaveProperty('cookie');
    expect(seen.headers).not.toHaveProperty('authorization');
  });

  it('a cancel stops the answer at once, and the server sees the request go', async () => {
    let closed: () => void = () => {};
    const gone = new Promise<void>((resolve) => (closed = resolve));
    const root = await serve((req, res) => {
      if (req.url === '/v1/models') return void res.end(JSON.stringify(MODELS));
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(`data: ${JSON.stringify({ choices: [{ delta: { content: 'First' } }] })}\n\n`);
      res.on('close', closed);
      // Then nothing more: a long answer still being written.
    });
    const engine = new ServerEngine();
    await engine.load(serverModel(root, 'llama3.2'));
    const controller = new AbortController();
    const started = performance.now();
    const error = await failure(
      engine.generate([{ role: 'user', content: 'hi' }], {
        signal: controller.signal,
        onToken: () => controller.abort(),
      }),
    );
    expect(error).toMatchObject({ code: 'aborted' });
    expect(performance.now() - started).toBeLessThan(1000);
    await gone;
  });

  it.each<[string, Handler, RegExp, string]>([
    [
      'a page that is not the API',
      (_, res) => res.end('<html>Router login</html>'),
      /not as an OpenAI-compatible API/,
      'server',
    ],
    [
      'no API at that path',
      (_, res) => res.writeHead(404).end('Not Found'),
      /not as an OpenAI-compatible API.*404/,
      'server',
    ],
    ['a refusal', (_, res) => res.writeHead(403).end('Forbidden'), /refused Skein \(HTTP 403\)/, 'server'],
  ])('listing models from %s: a clear message', async (_, handler, message, code) => {
    const error = await failure(listServerModels(await serve(handler)));
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ code, message: expect.stringMatching(message) });
  });

  it('a server that is down, or a wrong address: Skein could not reach it', async () => {
    const root = await serve(() => {});
    for (const s of servers.splice(0)) s.close();
    const error = await failure(listServerModels(root));
    expect(error).toMatchObject({
      code: 'server',
      message: expect.stringMatching(/could not reach http:\/\/127\.0\.0\.1:\d+\./),
    });
  });

  it('a model the server does not have: says which it has', async () => {
    const root = await serve((_, res) => res.end(JSON.stringify(MODELS)));
    const error = await failure(new ServerEngine().load(serverModel(root, 'mistral')));
    expect(error?.message).toBe('Your server has no model named “mistral”. It has qwen2.5:0.5b, llama3.2.');
  });

  it.each<[string, Handler, RegExp, string]>([
    [
      'an error inside the stream',
      (_, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.end(`data: ${JSON.stringify({ error: { message: 'out of memory' } })}\n\n`);
      },
      /Your server stopped: out of memory/,
      'generate',
    ],
    [
      'a context too small',
      (_, res) => res.writeHead(400).end('{"error":"the request exceeds the available context size"}'),
      /longer than the model’s context/,
      'too-long',
    ],
    ['a server error', (_, res) => res.writeHead(500).end('boom'), /answered HTTP 500: boom/, 'generate'],
  ])('generating, %s: a clear message', async (_, handler, message, code) => {
    const root = await serve((req, res) =>
      req.url === '/v1/models' ? res.end(JSON.stringify(MODELS)) : handler(req, res),
    );
    const engine = new ServerEngine();
    await engine.load(serverModel(root, 'llama3.2'));
    const error = await failure(engine.generate([{ role: 'user', content: 'hi' }]));
    expect(error).toMatchObject({ code, message: expect.stringMatching(message) });
  });

  it('a server that ignores stream and answers in one piece', async () => {
    const root = await serve((req, res) => {
      if (req.url === '/v1/models') return void res.end(JSON.stringify(MODELS));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ choices: [{ message: { role: 'assistant', content: 'All at once.' } }] }));
    });
    const engine = new ServerEngine();
    await engine.load(serverModel(root, 'llama3.2'));
    const pieces: string[] = [];
    expect(await engine.generate([{ role: 'user', content: 'hi' }], { onToken: (t) => pieces.push(t) })).toBe(
      'All at once.',
    );
    expect(pieces).toEqual(['All at once.']);
  });
});
