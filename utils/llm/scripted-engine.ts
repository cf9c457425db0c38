/**
 * The scripted engine: answers from a script instead of a model. Tests use it where they need
 * exact, structured output (citations, map-reduce calls); it goes through the same interface,
 * streaming and cancellation as the real engines.
 */
import {
  EngineError,
  estimateTokens,
  type ChatMessage,
  type Engine,
  type GenerateOptions,
  type ModelSpec,
} from './engine';

/**
 * In a script, this mark holds the generation where it stands until it is cancelled: a job
 * that is certainly still running whenever a test looks, however slow the machine.
 */
export const SCRIPT_HOLD = '\u23f8';

/** How the scripted engine answers: a fixed reply, or one computed from the messages. */
export type Script = string | ((messages: ChatMessage[], call: number) => string);

/** The scripted engine's model entry. */
export const SCRIPTED_MODEL: ModelSpec = {
  id: 'scripted',
  engine: 'scripted',
  label: 'Scripted (tests)',
  url: '',
  sizeBytes: 0,
  contextTokens: 4096,
};

export class ScriptedEngine implements Engine {
  readonly kind = 'scripted' as const;
  /** Every generation asked of it, in order. */
  readonly calls: ChatMessage[][] = [];
  private model: ModelSpec | null = null;

  constructor(
    private script: Script,
    private options: { pieceDelayMs?: number; contextTokens?: number } = {},
  ) {}

  loaded() {
    return this.model;
  }

  /** Nothing to download: a script is always at hand. */
  async hasModel() {
    return true;
  }

  async load(model: ModelSpec, opts: { onProgress?: (p: { loaded: number; total: number }) => void } = {}) {
    opts.onProgress?.({ loaded: 1, total: 1 });
    this.model = { ...model, contextTokens: this.options.contextTokens ?? model.contextTokens };
  }

  async generate(messages: ChatMessage[], { signal, onToken }: GenerateOptions = {}): Promise<string> {
    if (!this.model) throw new EngineError('No model loaded.', 'load');
    this.calls.push(messages);
    const text = typeof this.script === 'string' ? this.script : this.script(messages, this.calls.length - 1);
    // Stream word by word, as a model would.
    const pieces = text.match(/\S+\s*|\s+/g) ?? [];
    let out = '';
    for (const piece of pieces) {
      if (signal?.aborted) throw new EngineError('Generation stopped.', 'aborted');
      if (piece.trim() === SCRIPT_HOLD) {
        await untilAborted(signal);
        throw new EngineError('Generation stopped.', 'aborted');
      }
      if (this.options.pieceDelayMs) await new Promise((r) => setTimeout(r, this.options.pieceDelayMs));
      out += piece;
      onToken?.(piece);
    }
    return out;
  }

  async countTokens(text: string) {
    return estimateTokens(text);
  }

  async unload() {
    this.model = null;
  }
}

/** Resolves when `signal` aborts (never without one). */
function untilAborted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    signal?.addEventListener('abort', () => resolve(), { once: true });
  });
}
