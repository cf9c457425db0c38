// @vitest-environment node
/**
 * The CPU engine's generation loop on the tiny test model, run by the real ONNX Runtime
 * (onnxruntime-web's WebAssembly build, in Node).
 */
import * as ort from 'onnxruntime-web';
import { beforeAll, describe, expect, it } from 'vitest';
import { ChatTokenizer } from '@/utils/llm/chat-tokenizer';
import { commonPrefix, OnnxDecoder, pick } from '@/utils/llm/onnx-decoder';
import { tinyOnnxFiles, tinyShape } from '../../../../scripts/lib/tiny-model';

const files = tinyOnnxFiles();
const json = (name: string) => JSON.parse(files[name]!.toString()) as Record<string, unknown>;
const tokenizer = new ChatTokenizer({ tokenizer: json('tokenizer.json'), config: json('tokenizer_config.json') });
const shape = {
  layers: tinyShape().layers,
  kvHeads: tinyShape().kvHeads,
  headDim: tinyShape().embd / tinyShape().heads,
};
let session: ort.InferenceSession;

beforeAll(async () => {
  ort.env.wasm.numThreads = 1;
  session = await ort.InferenceSession.create(files['onnx/model_quantized.onnx']!);
});

const chat = (question: string) =>
  tokenizer.encodeChat([
    { role: 'system', content: 'You are Skein. The thread: wool, yarn, swatch, needle, notes.' },
    { role: 'user', content: question },
  ]);
const fresh = (step = 8) => new OnnxDecoder(ort, session, shape, step);
const run = (decoder: OnnxDecoder, ids: number[], extra: Partial<Parameters<OnnxDecoder['generate']>[0]> = {}) =>
  decoder.generate({ ids, maxTokens: 12, temperature: 0, stopIds: [], ...extra });

describe('OnnxDecoder: reading the prompt', () => {
  it('reads a prompt in steps exactly as in one pass', async () => {
    const ids = chat('Summarize the thread.');
    const oneStep = await run(fresh(10_000), ids);
    const steps = await run(fresh(3), ids);
    expect(steps.tokens).toEqual(oneStep.tokens);
    expect(steps.promptTokens).toBe(ids.length);
    expect(steps.cachedTokens).toBe(0);
  });

  it('keeps the prompt it read: a follow-up reads only what is new, writes what a fresh engine writes', async () => {
    const decoder = fresh();
    const first = chat('Summarize the thread.');
    await run(decoder, first);
    const second = chat('Who knits?');
    const shared = commonPrefix(first, second);
    const followUp = await run(decoder, second);
    expect(followUp.cachedTokens).toBe(shared);
    expect(followUp.promptTokens).toBe(second.length - shared);
    expect(followUp.tokens).toEqual((await run(fresh(), second)).tokens);
  });

  it('reads at least the last token of a prompt it has seen whole', async () => {
    const decoder = fresh();
    const ids = chat('Explain gauge.');
    const first = await run(decoder, ids);
    const again = await run(decoder, ids);
    expect(again.promptTokens).toBe(1);
    expect(again.tokens).toEqual(first.tokens);
  });

  it('stops between steps when cancelled, and keeps what it had read for the next request', async () => {
    const decoder = fresh(4);
    const ids = chat('A long question about wool and yarn and needles and notes, read in small steps.');
    const controller = new AbortController();
    let steps = 0;
    const spy = session.run.bind(session);
    session.run = ((...args: Parameters<typeof spy>) => {
      if (++steps === 3) controller.abort();
      return spy(...args);
    }) as typeof session.run;
    try {
      await expect(run(decoder, ids, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    } finally {
      session.run = spy;
    }
    expect(steps).toBe(3);
    const next = await run(decoder, ids);
    expect(next.cachedTokens).toBe(12);
    expect(next.tokens).toEqual((await run(fresh(), ids)).tokens);
  });
});

describe('OnnxDecoder: writing', () => {
  it('ends at a stop id, which it does not pass on', async () => {
    const ids = chat('Summarize the thread.');
    const free = await run(fresh(), ids);
    const stopAt = free.tokens[3]!;
    const seen: number[] = [];
    const stopped = await run(fresh(), ids, { stopIds: [stopAt], onToken: (id) => seen.push(id) });
    const cut = free.tokens.indexOf(stopAt);
    expect(stopped.tokens).toEqual(free.tokens.slice(0, cut + 1));
    expect(seen).toEqual(free.tokens.slice(0, cut));
  });

  it('lets the page’s other tasks run between steps (streamed text goes out, a cancel comes in)', async () => {
    let ran = false;
    const seenBeforeSecond: boolean[] = [];
    setTimeout(() => (ran = true), 0);
    await run(fresh(4), chat('Summarize the thread.'), { maxTokens: 3, onToken: () => seenBeforeSecond.push(ran) });
    expect(seenBeforeSecond[0]).toBe(true);
  });

  it('writes no more than maxTokens, passing each on as it comes', async () => {
    const seen: number[] = [];
    const result = await run(fresh(), chat('Draft a reply.'), { maxTokens: 5, onToken: (id) => seen.push(id) });
    expect(result.tokens).toHaveLength(5);
    expect(seen).toEqual(result.tokens);
  });
});

describe('pick: the next token from logits', () => {
  const logits = Float32Array.from({ length: 100 }, (_, i) => (i === 42 ? 5 : Math.sin(i)));
  it('takes the largest at temperature 0', () => {
    expect(pick(logits, 0, () => 0.5)).toBe(42);
  });
  it.each([0.01, 0.99])('draws among the 40 likeliest at a temperature (draw %f)', (r) => {
    const top40 = [...logits.keys()].sort((a, b) => logits[b]! - logits[a]!).slice(0, 40);
    expect(top40).toContain(pick(logits, 1, () => r));
  });
  it('draws the likeliest first for a low draw', () => {
    expect(pick(logits, 1, () => 0)).toBe(42);
  });
});

describe('commonPrefix', () => {
  it.each([
    [[], [], 0],
    [[1, 2, 3], [1, 2, 4], 2],
    [[1, 2], [1, 2, 3], 2],
    [[5], [6], 0],
  ])('%j and %j share %i', (a, b, n) => {
    expect(commonPrefix(a, b)).toBe(n);
  });
});
