/**
 * "Your own server" as tests meet it: a real llama.cpp (node-llama-cpp, its prebuilt binary) on
 * this machine, running the tiny generated GGUF behind the OpenAI-compatible API that Ollama,
 * llama.cpp's server, LM Studio and vLLM serve: `GET /v1/models` and a streamed
 * `POST /v1/chat/completions`. It can also refuse, answer as something else, or stop existing.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as pause } from 'node:timers/promises';
import { getLlama, LlamaText, SpecialTokensText, type LlamaContext } from 'node-llama-cpp';
import { tinyGgufFile } from '../../../scripts/lib/tiny-gguf';

/** The model's name on the server, as Ollama would list it. */
export const OWN_MODEL = 'skein-tiny:test';

export interface OwnServer {
  /** The API's root, as the user types it: `http://127.0.0.1:<port>/v1`. */
  root: string;
  origin: string;
  /** Every request: `METHOD url`, in arrival order (preflights included). */
  log: string[];
  /** How it answers: as the API; HTTP 401 to everything; a web page that is not the API. */
  mode: 'api' | 'refuse' | 'not-api';
  /** Whether it lets any origin read its answers (CORS), as llama.cpp's server and Ollama do. */
  cors: boolean;
  /** A pause before each streamed piece, in ms: a slow server, to cancel in the middle. */
  pieceDelay: number;
  /** Generations stopped because the client went away. */
  aborted: number;
  /** Generations that ran to their end. */
  finished: number;
  /** The whole text of each generation that ran to its end, as streamed. */
  sent: string[];
  close(): Promise<void>;
}

/** Every address of the server Skein may ask for: the egress checks allow exactly these. */
export const ownServerUrls = (server: OwnServer): string[] => [
  `${server.root}/models`,
  `${server.root}/chat/completions`,
];

/** ChatML, with the markers as the model's own control tokens: text in a message cannot forge them. */
function chatText(messages: { role: string; content: string }[]): LlamaText {
  const marker = (text: string) => new SpecialTokensText(text);
  return LlamaText([
    ...messages.flatMap((m) => [marker('<|im_start|>'), `${m.role}\n${m.content}`, marker('<|im_end|>'), '\n']),
    marker('<|im_start|>'),
    'assistant\n',
  ]);
}

async function body(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text;
}

/** Starts the server on a free port of 127.0.0.1; the model loads once, requests take turns. */
export async function startOwnServer(): Promise<OwnServer> {
  const llama = await getLlama({ build: 'never', gpu: false, logLevel: 'error' as never });
  const model = await llama.loadModel({ modelPath: tinyGgufFile() });
  const context: LlamaContext = await model.createContext({ contextSize: 16_384, threads: 1 });
  let turn: Promise<unknown> = Promise.resolve();

  const generate = async (res: ServerResponse, request: Record<string, unknown>) => {
    const stop = new AbortController();
    res.once('close', () => stop.abort());
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...corsHeaders() });
    const send = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
    const sequence = context.getSequence();
    try {
      const prompt = chatText(request.messages as { role: string; content: string }[]).tokenize(model.tokenizer);
      const most = typeof request.max_tokens === 'number' ? request.max_tokens : 64;
      let written = 0;
      let text = '';
      // Token by token, each piece sent as it comes, as a real server streams.
      for await (const token of sequence.evaluate(prompt, { temperature: 0 })) {
        if (stop.signal.aborted || model.isEogToken(token) || written++ >= most) break;
        // The server's own pace (a slow machine), not a wait of the test's.
        if (server.pieceDelay) await pause(server.pieceDelay);
        const content = model.detokenize([token]);
        text += content;
        send({ object: 'chat.completion.chunk', model: OWN_MODEL, choices: [{ index: 0, delta: { content } }] });
      }
      if (stop.signal.aborted) server.aborted++;
      else {
        server.finished++;
        server.sent.push(text);
        send({ object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] });
        res.end('data: [DONE]\n\n');
      }
    } finally {
      sequence.dispose();
    }
  };

  const corsHeaders = (): Record<string, string> =>
    server.cors
      ? {
          'access-control-allow-origin': '*',
          'access-control-allow-headers': 'content-type, authorization',
          'access-control-allow-methods': 'GET, POST, OPTIONS',
        }
      : {};

  const http = createServer((req, res) => {
    server.log.push(`${req.method} ${server.origin}${req.url}`);
    const json = (status: number, value: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json', ...corsHeaders() }).end(JSON.stringify(value));
    // Preflights first, as llama.cpp's server answers them before it checks a key.
    if (req.method === 'OPTIONS') return res.writeHead(204, corsHeaders()).end();
    if (server.mode === 'refuse') return json(401, { error: { message: 'Invalid API key' } });
    if (server.mode === 'not-api')
      return res.writeHead(200, { 'content-type': 'text/html', ...corsHeaders() }).end('<h1>My router</h1>');
    if (req.method === 'GET' && req.url === '/v1/models')
      return json(200, { object: 'list', data: [{ id: OWN_MODEL, object: 'model', owned_by: 'skein-tests' }] });
    if (req.method === 'POST' && req.url === '/v1/chat/completions') {
      void body(req).then((text) => {
        // One generation at a time, as a one-slot server runs them.
        turn = turn.then(() => generate(res, JSON.parse(text))).catch(() => res.destroy());
      });
      return;
    }
    json(404, { error: { message: `no route ${req.url}` } });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const server: OwnServer = {
    root: `${origin}/v1`,
    origin,
    log: [],
    mode: 'api',
    cors: false,
    pieceDelay: 0,
    aborted: 0,
    finished: 0,
    sent: [],
    close: async () => {
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
      await context.dispose();
      await model.dispose();
    },
  };
  return server;
}
