/**
 * "Your own server": a model server the user already runs (Ollama, llama.cpp's server, LM
 * Studio, vLLM), reached through the OpenAI-compatible chat completions API they all serve.
 * The one engine where posts leave the browser, to the address the user gave and nowhere else.
 * Skein sends no key and no cookie (`credentials: 'omit'`): the server is the user's own.
 */
import {
  EngineError,
  estimateTokens,
  type ChatMessage,
  type Engine,
  type GenerateOptions,
  type ModelSpec,
} from './engine';
import { SseReader } from './sse';

type Fetch = typeof fetch;

/** A server's context, where it does not say (the servers' own defaults are 2,048 to 8,192). */
const DEFAULT_SERVER_CONTEXT = 4096;

/** The API's root from what the user typed: http or https, no query, no trailing slash. */
export function serverRoot(address: string): string {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    throw new EngineError(`“${address}” is not a web address. Write it like http://localhost:11434/v1.`, 'server');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new EngineError(`Skein talks to servers over http or https, not ${url.protocol}`, 'server');
  if (url.username || url.password)
    throw new EngineError('Leave the name and password out of the address: Skein sends none.', 'server');
  url.search = '';
  url.hash = '';
  return url.href.replace(/\/+$/, '');
}

/** The model spec for a model on the user's server: its name is what the user sees. */
export function serverModel(root: string, name: string, contextTokens = DEFAULT_SERVER_CONTEXT): ModelSpec {
  return { id: `server:${name}`, engine: 'server', label: name, url: root, sizeBytes: 0, contextTokens };
}

const origin = (root: string) => new URL(root).origin;

/** Why a request to the server failed, in words that say what to check. */
function unreachable(root: string, err: unknown): EngineError {
  if ((err as Error)?.name === 'AbortError') return new EngineError('Stopped.', 'aborted');
  return new EngineError(`Skein could not reach ${origin(root)}. Is the server running at that address?`, 'server');
}

/** An answer that is not what the API answers. */
const notTheApi = (root: string, what: string) =>
  new EngineError(
    `The server at ${origin(root)} answered, but not as an OpenAI-compatible API (${what}). ` +
      'Check the address: Ollama’s is http://localhost:11434/v1.',
    'server',
  );

/** A refusal, by its HTTP status, with the start of what the server said. */
async function refused(root: string, response: Response): Promise<EngineError> {
  const said = (await response.text().catch(() => '')).replace(/\s+/g, ' ').trim().slice(0, 200);
  const where = origin(root);
  if (response.status === 401 || response.status === 403)
    return new EngineError(`The server at ${where} refused Skein (HTTP ${response.status}).`, 'server');
  if (response.status === 404) return notTheApi(root, 'HTTP 404 at this address');
  if (response.status === 400 && /context|too long|too many tokens/i.test(said))
    return new EngineError(`The request is longer than the model’s context on your server: ${said}`, 'too-long');
  return new EngineError(
    `The server at ${where} answered HTTP ${response.status}${said ? `: ${said}` : ''}.`,
    'generate',
  );
}

/** The names of the models the server offers (`GET /models`). */
export async function listServerModels(root: string, signal?: AbortSignal, fetchFn: Fetch = fetch): Promise<string[]> {
  let response: Response;
  try {
    response = await fetchFn(`${root}/models`, { signal, credentials: 'omit' });
  } catch (err) {
    throw unreachable(root, err);
  }
  if (!response.ok) throw await refused(root, response);
  const body = (await response.json().catch(() => null)) as { data?: { id?: unknown }[] } | null;
  if (!Array.isArray(body?.data)) throw notTheApi(root, 'no list of models');
  return body.data.map((m) => m.id).filter((id): id is string => typeof id === 'string');
}

/** One streamed piece of the answer, or the server's error inside the stream. */
function pieceOf(root: string, data: string): string {
  let event: { choices?: { delta?: { content?: unknown }; message?: { content?: unknown } }[]; error?: unknown };
  try {
    event = JSON.parse(data);
  } catch {
    throw notTheApi(root, 'a streamed part that is not JSON');
  }
  if (event.error) {
    const e = event.error as { message?: unknown };
    throw new EngineError(`Your server stopped: ${typeof e.message === 'string' ? e.message : String(e)}`, 'generate');
  }
  const choice = event.choices?.[0];
  const content = choice?.delta?.content ?? choice?.message?.content;
  return typeof content === 'string' ? content : '';
}

/** The engine for the user's own server. */
export class ServerEngine implements Engine {
  readonly kind = 'server' as const;
  private current: ModelSpec | null = null;

  constructor(private fetchFn: Fetch = (...args) => fetch(...args)) {}

  loaded() {
    return this.current;
  }

  /** Nothing to download: the model lives on the server. */
  async hasModel() {
    return true;
  }

  /** Checks that the server answers and has the model; nothing is fetched onto the device. */
  async load(model: ModelSpec, { signal }: { signal?: AbortSignal } = {}) {
    const names = await listServerModels(model.url, signal, this.fetchFn);
    if (!names.includes(model.label)) {
      const offered = names.length ? `It has ${names.join(', ')}.` : 'It lists none.';
      throw new EngineError(`Your server has no model named “${model.label}”. ${offered}`, 'server');
    }
    this.current = model;
  }

  async generate(messages: ChatMessage[], options: GenerateOptions = {}): Promise<string> {
    const model = this.current;
    if (!model) throw new EngineError('No model is loaded.', 'load');
    const root = model.url;
    const started = performance.now();
    let response: Response;
    try {
      response = await this.fetchFn(`${root}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        credentials: 'omit',
        signal: options.signal,
        body: JSON.stringify({
          model: model.label,
          messages,
          stream: true,
          temperature: options.temperature ?? 0,
          ...(options.maxTokens ? { max_tokens: options.maxTokens } : {}),
        }),
      });
    } catch (err) {
      throw unreachable(root, err);
    }
    if (!response.ok) throw await refused(root, response);
    const type = response.headers.get('content-type') ?? '';
    // A server may ignore `stream` and answer in one piece.
    if (/json/.test(type)) {
      const text = pieceOf(root, await response.text());
      if (text) options.onToken?.(text);
      return text;
    }
    if (!/event-stream/.test(type) || !response.body) throw notTheApi(root, `an answer of type ${type || 'unknown'}`);
    return this.read(root, response.body, messages, started, options);
  }

  /** Reads the streamed answer; a cancel stops it at once. */
  private async read(
    root: string,
    body: ReadableStream<Uint8Array>,
    messages: ChatMessage[],
    started: number,
    options: GenerateOptions,
  ): Promise<string> {
    const reader = body.getReader();
    const sse = new SseReader();
    let text = '';
    let pieces = 0;
    let first = 0;
    const take = (events: string[]) => {
      for (const data of events) {
        if (data.trim() === '[DONE]') return true;
        const piece = pieceOf(root, data);
        if (!piece) continue;
        if (!pieces++) first = performance.now();
        text += piece;
        options.onToken?.(piece);
      }
      return false;
    };
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          take(sse.end());
          break;
        }
        if (take(sse.push(value))) break;
      }
    } catch (err) {
      if (err instanceof EngineError) throw err;
      throw options.signal?.aborted ? new EngineError('Stopped.', 'aborted') : unreachable(root, err);
    } finally {
      reader.cancel().catch(() => undefined);
    }
    if (pieces) {
      // What the user waited for, as the server served it (its own counts are not in every
      // stream; servers send about a token per piece).
      const now = performance.now();
      const promptTokens = estimateTokens(messages.map((m) => m.content).join('\n'));
      options.onSpeed?.({
        promptTokens,
        cachedTokens: 0,
        prefillTps: promptTokens / Math.max(0.001, (first - started) / 1000),
        decodeTps: pieces > 1 ? (pieces - 1) / Math.max(0.001, (now - first) / 1000) : 0,
        decodeTokens: pieces,
      });
    }
    return text;
  }

  /** The server's tokenizers differ (and not all can be asked): an estimate. */
  async countTokens(text: string) {
    return estimateTokens(text);
  }

  async unload() {
    this.current = null;
  }
}
