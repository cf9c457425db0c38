/**
 * The CPU engine's generation loop over an ONNX decoder session (onnxruntime-web): the
 * Hugging Face export layout (`input_ids`, `attention_mask`, `position_ids`,
 * `past_key_values.<l>.key|value` → `logits`, `present.<l>.key|value`).
 *
 * Why a loop of Skein's own rather than a library's `generate`:
 * - **Kept prefix.** Every job on a thread starts with the same system prompt and thread
 *   block. The keys and values of the last prompt are kept, and a new prompt reads only what
 *   follows the longest common prefix: a follow-up question reads its question, not the thread.
 * - **Cancel within a second.** The prompt is read in steps of `stepTokens`; a cancel is seen
 *   between steps, and the steps already read stay kept for the next request.
 */
import type * as Ort from 'onnxruntime-web';

type Tensor = Ort.Tensor;

/** What the loop needs to know of the model. */
export interface DecoderShape {
  layers: number;
  kvHeads: number;
  headDim: number;
}

/** One generation's request. */
export interface DecodeRequest {
  ids: number[];
  maxTokens: number;
  /** 0 = greedy. */
  temperature: number;
  stopIds: number[];
  signal?: AbortSignal;
  onToken?: (id: number) => void;
}

/** What a generation did, for the speed line. */
export interface DecodeResult {
  tokens: number[];
  promptTokens: number;
  cachedTokens: number;
  prefillMs: number;
  decodeMs: number;
}

/** Thrown when the request's signal stops it. */
export class DecodeAborted extends Error {
  constructor() {
    super('Stopped.');
    this.name = 'AbortError';
  }
}

/**
 * Lets the page's other tasks run: messages out (streamed text) and in (a cancel). A run of the
 * runtime resolves without leaving the microtask queue, so a loop of runs alone would hold
 * every message until the answer is done. A message channel, not a timer: timers in hidden
 * pages (the offscreen document) are held to one wake-up a second.
 */
export function yieldToTasks(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Length of the common start of two id lists. */
export function commonPrefix(a: readonly number[], b: readonly number[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * A small seeded generator (mulberry32) in [0, 1): sampled answers repeat for the same request;
 * tests and generated models use it to repeat too.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Picks the next id from one row of logits: the largest at temperature 0, else a draw from
 * the 40 likeliest at that temperature.
 */
export function pick(logits: Float32Array, temperature: number, draw: () => number): number {
  let best = 0;
  for (let i = 1; i < logits.length; i++) if (logits[i]! > logits[best]!) best = i;
  if (temperature <= 0) return best;
  const top: number[] = [];
  for (let i = 0; i < logits.length; i++) {
    if (top.length < 40) top.push(i);
    else if (logits[i]! > logits[top[39]!]!) top[39] = i;
    else continue;
    top.sort((x, y) => logits[y]! - logits[x]!);
  }
  const weights = top.map((i) => Math.exp((logits[i]! - logits[best]!) / temperature));
  let r = draw() * weights.reduce((s, w) => s + w, 0);
  for (let k = 0; k < top.length; k++) if ((r -= weights[k]!) <= 0) return top[k]!;
  return best;
}

/** The generation loop with its kept prefix. One request at a time. */
export class OnnxDecoder {
  /** Ids whose keys and values `past` holds, in order. */
  private kept: number[] = [];
  private past: Tensor[] = [];
  /** Whether the export takes position ids (some take the mask alone). */
  private readonly takesPositions: boolean;

  constructor(
    private readonly ort: typeof Ort,
    private readonly session: Ort.InferenceSession,
    private readonly shape: DecoderShape,
    private readonly stepTokens: number,
  ) {
    this.takesPositions = session.inputNames.includes('position_ids');
  }

  /** Keys and values for the first `n` kept ids only (a copy of each layer's first rows). */
  private keepFirst(n: number): void {
    if (n >= this.kept.length) return;
    const { kvHeads, headDim } = this.shape;
    const had = this.kept.length;
    this.past = this.past.map((t) => {
      const from = t.data as Float32Array;
      const to = new Float32Array(kvHeads * n * headDim);
      for (let h = 0; h < kvHeads; h++)
        to.set(from.subarray(h * had * headDim, (h * had + n) * headDim), h * n * headDim);
      return new this.ort.Tensor('float32', to, [1, kvHeads, n, headDim]);
    });
    this.kept = this.kept.slice(0, n);
  }

  /** Reads `ids` after the kept ones; returns the logits of the last position. */
  private async step(ids: number[]): Promise<Float32Array> {
    const { ort } = this;
    const { layers, kvHeads, headDim } = this.shape;
    const past = this.kept.length;
    const total = past + ids.length;
    const feeds: Record<string, Tensor> = {
      input_ids: new ort.Tensor('int64', BigInt64Array.from(ids, BigInt), [1, ids.length]),
      attention_mask: new ort.Tensor('int64', new BigInt64Array(total).fill(1n), [1, total]),
    };
    if (this.takesPositions)
      feeds.position_ids = new ort.Tensor(
        'int64',
        BigInt64Array.from(ids, (_, i) => BigInt(past + i)),
        [1, ids.length],
      );
    const empty = () => new ort.Tensor('float32', new Float32Array(0), [1, kvHeads, 0, headDim]);
    for (let l = 0; l < layers; l++) {
      feeds[`past_key_values.${l}.key`] = this.past[2 * l] ?? empty();
      feeds[`past_key_values.${l}.value`] = this.past[2 * l + 1] ?? empty();
    }
    const out = await this.session.run(feeds);
    await yieldToTasks();
    this.past = [];
    for (let l = 0; l < layers; l++) this.past.push(out[`present.${l}.key`]!, out[`present.${l}.value`]!);
    this.kept.push(...ids);
    const logits = out.logits!;
    const vocab = logits.dims.at(-1)!;
    const data = logits.data as Float32Array;
    return data.subarray(data.length - vocab);
  }

  /** Forgets the kept prefix (after a failure, the kept keys may not match the ids). */
  reset(): void {
    this.kept = [];
    this.past = [];
  }

  /** Generates after `req.ids`, reading only what the kept prefix does not cover. */
  async generate(req: DecodeRequest): Promise<DecodeResult> {
    const aborted = () => req.signal?.aborted === true;
    // At least one id must be read to get the next token's logits.
    const reuse = Math.min(commonPrefix(this.kept, req.ids), req.ids.length - 1);
    this.keepFirst(reuse);
    const t0 = performance.now();
    let logits: Float32Array | null = null;
    try {
      for (let at = reuse; at < req.ids.length; at += this.stepTokens) {
        if (aborted()) throw new DecodeAborted();
        logits = await this.step(req.ids.slice(at, at + this.stepTokens));
      }
      const t1 = performance.now();
      const draw = seededRandom(42);
      const tokens: number[] = [];
      while (tokens.length < req.maxTokens) {
        if (aborted()) throw new DecodeAborted();
        const next = pick(logits!, req.temperature, draw);
        tokens.push(next);
        if (req.stopIds.includes(next)) break;
        req.onToken?.(next);
        if (tokens.length >= req.maxTokens) break;
        logits = await this.step([next]);
      }
      return {
        tokens,
        promptTokens: req.ids.length - reuse,
        cachedTokens: reuse,
        prefillMs: t1 - t0,
        decodeMs: performance.now() - t1,
      };
    } catch (err) {
      if (!(err instanceof DecodeAborted)) this.reset();
      throw err;
    }
  }
}
