// @vitest-environment node
/**
 * Logits for the last position only: the edited model, run by the real ONNX Runtime
 * (onnxruntime-web's WebAssembly build, in Node), gives the row the engine reads, and only it.
 */
import * as ort from 'onnxruntime-web';
import { beforeAll, describe, expect, it } from 'vitest';
import { lastPositionLogits as editInPlace, withRoom } from '@/utils/llm/onnx-last-logits';
import { OnnxDecoder } from '@/utils/llm/onnx-decoder';
import { decoderOnnx, type OnnxWeights } from '../../../../scripts/lib/onnx';
import { tinyOnnxFiles, tinyShape } from '../../../../scripts/lib/tiny-model';

const shape = tinyShape();
const kv = { layers: shape.layers, kvHeads: shape.kvHeads, headDim: shape.embd / shape.heads };
const PROMPT = [5, 17, 42, 8, 99, 3, 64, 120, 7];

beforeAll(() => {
  ort.env.wasm.numThreads = 1;
});

/** One pass over `ids` on an empty cache: the logits tensor's shape and its last row. */
async function logitsOf(bytes: Uint8Array, ids = PROMPT): Promise<{ dims: readonly number[]; last: Float32Array }> {
  const session = await ort.InferenceSession.create(bytes);
  const feeds: Record<string, ort.Tensor> = {
    input_ids: new ort.Tensor('int64', BigInt64Array.from(ids, BigInt), [1, ids.length]),
    attention_mask: new ort.Tensor('int64', new BigInt64Array(ids.length).fill(1n), [1, ids.length]),
    position_ids: new ort.Tensor(
      'int64',
      BigInt64Array.from(ids, (_, i) => BigInt(i)),
      [1, ids.length],
    ),
  };
  for (let l = 0; l < kv.layers; l++)
    for (const kind of ['key', 'value'])
      feeds[`past_key_values.${l}.${kind}`] = new ort.Tensor('float32', new Float32Array(0), [
        1,
        kv.kvHeads,
        0,
        kv.headDim,
      ]);
  const out = await session.run(feeds);
  await session.release();
  const data = out.logits!.data as Float32Array;
  return { dims: out.logits!.dims, last: data.slice(data.length - shape.vocab) };
}

/** The edit on a copy of `bytes` with room after it. */
const lastPositionLogits = (bytes: Uint8Array) => editInPlace(withRoom(bytes), bytes.length).model;

const maxDiff = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);
const argmax = (a: Float32Array) => a.reduce((best, v, i) => (v > a[best]! ? i : best), 0);

describe('lastPositionLogits', () => {
  it('float weights: one row of logits, equal to the full model’s last row', async () => {
    const full = decoderOnnx(shape, 'f32');
    const before = await logitsOf(full);
    const after = await logitsOf(lastPositionLogits(full));
    expect(before.dims).toEqual([1, PROMPT.length, shape.vocab]);
    expect(after.dims).toEqual([1, 1, shape.vocab]);
    expect(maxDiff(after.last, before.last)).toBeLessThan(1e-4);
  });

  it.each<OnnxWeights>(['int8', 'int8u', 'int4'])(
    '%s weights: one row, the same likeliest token as the full model’s last row',
    async (weights) => {
      const full = decoderOnnx(shape, weights);
      const before = await logitsOf(full);
      const after = await logitsOf(lastPositionLogits(full));
      expect(after.dims).toEqual([1, 1, shape.vocab]);
      // Quantized activations take their scale from the rows they see, so values move a little.
      expect(argmax(after.last)).toBe(argmax(before.last));
      expect(maxDiff(after.last, before.last)).toBeLessThan(0.25);
    },
  );

  it('the engine’s own model writes the same answer edited or not, in steps and with a kept prefix', async () => {
    const full = new Uint8Array(tinyOnnxFiles()['onnx/model_quantized.onnx']!);
    const edited = lastPositionLogits(full);
    expect(edited.length).toBeGreaterThan(full.length);
    const answers = async (bytes: Uint8Array) => {
      const session = await ort.InferenceSession.create(bytes);
      const decoder = new OnnxDecoder(ort, session, kv, 4);
      const ask = (ids: number[]) => decoder.generate({ ids, maxTokens: 10, temperature: 0, stopIds: [] });
      const first = await ask(PROMPT);
      const followUp = await ask([...PROMPT, 11, 12, 13]);
      await session.release();
      return [first.tokens, followUp.tokens, followUp.cachedTokens];
    };
    expect(await answers(edited)).toEqual(await answers(full));
  });

  it('leaves bytes it cannot read, or a graph of another shape, as they are', () => {
    const unchanged = (bytes: Uint8Array) => {
      const room = withRoom(bytes);
      const out = editInPlace(room, bytes.length);
      expect(out.edited).toBe(false);
      expect(out.model.length).toBe(bytes.length);
      expect(Buffer.from(room).equals(Buffer.from(withRoom(bytes)))).toBe(true);
    };
    unchanged(Uint8Array.of(0x3a, 0xff, 0xff, 0xff));
    unchanged(new Uint8Array(0));
    // A model where no node writes `logits` (the node that names it renamed away).
    const renamed = decoderOnnx(shape, 'f32');
    renamed.set(new TextEncoder().encode('logitz'), Buffer.from(renamed).indexOf('logits'));
    unchanged(renamed);
  });

  it('needs its room after the model: without it, the model is left as it is', () => {
    const full = decoderOnnx(shape, 'f32');
    const copy = new Uint8Array(full);
    expect(editInPlace(copy, copy.length).model.length).toBe(full.length);
    expect(Buffer.from(copy).equals(Buffer.from(full))).toBe(true);
  });

  it('undoes itself: the file as it was, byte for byte, for a runtime that refuses the edit', () => {
    const full = decoderOnnx(shape, 'int8u');
    const edit = editInPlace(withRoom(full), full.length);
    expect(edit.edited).toBe(true);
    expect(Buffer.from(edit.model.subarray(0, full.length)).equals(Buffer.from(full))).toBe(false);
    expect(Buffer.from(edit.original()).equals(Buffer.from(full))).toBe(true);
  });
});
