/**
 * Decoder-only chat models as ONNX files, with the inputs and outputs of the Hugging Face
 * exports the CPU engine runs (`input_ids`, `attention_mask`, `position_ids`,
 * `past_key_values.<l>.key|value` → `logits` for every position, `present.<l>.key|value`),
 * random weights from a seed. Two uses: the real-size model (the default CPU model's shapes,
 * Qwen2.5-0.5B: 24 layers, hidden 896, 14 heads, 2 KV heads, FFN 4864, vocabulary 151,936)
 * for speed figures, and the tiny test model.
 *
 * Matrices are int8 with one scale per column (`DynamicQuantizeMatMul`, what the "quantized"
 * exports become once ONNX Runtime fuses them) or 4-bit (`MatMulNBits`, the "q4" exports).
 * Rotary embeddings are left out: they are elementwise, under 1% of the work, and the
 * attention is causal through its mask. The protobuf is written here by hand (a few field
 * numbers of onnx.proto), so nothing needs a converter or Python.
 */
import { encodeVarint } from '../../utils/llm/onnx-last-logits';

/** A model's shapes. */
export interface DecoderShape {
  embd: number;
  ff: number;
  layers: number;
  heads: number;
  kvHeads: number;
  vocab: number;
}

/** The default CPU model's shapes. */
export const REAL_SIZE: DecoderShape = { embd: 896, ff: 4864, layers: 24, heads: 14, kvHeads: 2, vocab: 151_936 };

/** Protobuf wire encoding: just what onnx.proto's messages need. */
class Pb {
  private parts: Uint8Array[] = [];
  private static varint(n: number | bigint): Uint8Array {
    return Uint8Array.from(encodeVarint(n));
  }
  int(field: number, n: number | bigint): this {
    this.parts.push(Pb.varint(field << 3), Pb.varint(n));
    return this;
  }
  float(field: number, f: number): this {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, f, true);
    this.parts.push(Pb.varint((field << 3) | 5), b);
    return this;
  }
  bytes(field: number, data: Uint8Array | string | Pb): this {
    const body = data instanceof Pb ? data.finish() : typeof data === 'string' ? new TextEncoder().encode(data) : data;
    // Parts, not one copy: a weight tensor is hundreds of MB.
    this.parts.push(Pb.varint((field << 3) | 2), Pb.varint(body.length), body);
    return this;
  }
  finish(): Uint8Array {
    const total = this.parts.reduce((n, p) => n + p.length, 0);
    const out = new Uint8Array(total);
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}

const DT = { float: 1, uint8: 2, int8: 3, int64: 7, float16: 10 } as const;

type Attr = number | number[] | string;

/** Builds one graph: nodes, initializers, inputs and outputs. */
class Graph {
  private nodes: Pb[] = [];
  private inits: Pb[] = [];
  private ios: { input: Pb[]; output: Pb[] } = { input: [], output: [] };
  private n = 0;

  node(op: string, inputs: string[], attrs: Record<string, Attr> = {}, domain = ''): string {
    return this.nodeOut(op, inputs, 1, attrs, domain)[0]!;
  }

  /** A node with `count` outputs; returns their names. */
  nodeOut(op: string, inputs: string[], count: number, attrs: Record<string, Attr> = {}, domain = ''): string[] {
    const outs = Array.from({ length: count }, () => `t${this.n++}`);
    const node = new Pb();
    for (const i of inputs) node.bytes(1, i);
    for (const out of outs) node.bytes(2, out);
    node.bytes(3, `${op}_${this.n}`).bytes(4, op);
    if (domain) node.bytes(7, domain);
    for (const [name, value] of Object.entries(attrs)) {
      const a = new Pb().bytes(1, name);
      if (typeof value === 'string') a.bytes(4, value).int(20, 3);
      else if (Array.isArray(value)) {
        for (const v of value) a.int(8, v);
        a.int(20, 7);
      } else if (Number.isInteger(value)) a.int(3, value).int(20, 2);
      else a.float(2, value).int(20, 1);
      node.bytes(5, a);
    }
    this.nodes.push(node);
    return outs;
  }

  tensor(name: string, type: keyof typeof DT, dims: number[], raw: Uint8Array): string {
    const t = new Pb();
    for (const d of dims) t.int(1, d);
    t.int(2, DT[type]).bytes(8, name).bytes(9, raw);
    this.inits.push(t);
    return name;
  }

  ints(name: string, values: number[]): string {
    return this.tensor(name, 'int64', [values.length], new Uint8Array(BigInt64Array.from(values.map(BigInt)).buffer));
  }

  floats(name: string, values: Float32Array): string {
    return this.tensor(name, 'float', [values.length], new Uint8Array(values.buffer));
  }

  io(kind: 'input' | 'output', name: string, type: keyof typeof DT, dims: (number | string)[]): void {
    const shape = new Pb();
    for (const d of dims) shape.bytes(1, typeof d === 'number' ? new Pb().int(1, d) : new Pb().bytes(2, d));
    const tensorType = new Pb().int(1, DT[type]).bytes(2, shape);
    this.ios[kind].push(new Pb().bytes(1, name).bytes(2, new Pb().bytes(1, tensorType)));
  }

  /** Gives a value a graph-level name (an output's); returns the new name. */
  rename(from: string, to: string): string {
    this.nodes.push(new Pb().bytes(1, from).bytes(2, to).bytes(3, `rename_${to}`).bytes(4, 'Identity'));
    return to;
  }

  model(): Uint8Array {
    const g = new Pb();
    for (const n of this.nodes) g.bytes(1, n);
    g.bytes(2, 'decoder');
    for (const t of this.inits) g.bytes(5, t);
    for (const i of this.ios.input) g.bytes(11, i);
    for (const o of this.ios.output) g.bytes(12, o);
    return new Pb()
      .int(1, 8)
      .bytes(2, 'skein')
      .bytes(7, g)
      .bytes(8, new Pb().bytes(1, '').int(2, 17))
      .bytes(8, new Pb().bytes(1, 'com.microsoft').int(2, 1))
      .finish();
  }
}

const BLOCK = 32;

/**
 * Weight formats, as exports of these models write them:
 * - `int8`: `DynamicQuantizeMatMul`, int8 weights with one scale per column, activations
 *   quantized on the fly (the "quantized" exports);
 * - `int8u`: the same weights as `quantize_dynamic` writes them before ONNX Runtime fuses
 *   them: `DynamicQuantizeLinear`, `MatMulInteger`, `Cast`, and the scales' `Mul`s;
 * - `int4`: `MatMulNBits`, 4 bits in blocks of 32 (the "q4" exports); `int4acc` the same with
 *   `accuracy_level` 4, which lets ONNX Runtime multiply in int8 where it has kernels;
 * - `f32`: plain `MatMul` on float weights. The tiny test model's: int8 activations are
 *   quantized with one scale per call, so the numbers (and a random model's near-ties) would
 *   depend on how a prompt is split into steps, and tests compare answers exactly.
 */
export type OnnxWeights = 'int4' | 'int4acc' | 'int8' | 'int8u' | 'f32';

/** Bytes from a seed (xorshift32): the same model every time, fast enough for 500 MB. */
function filler(seed: number): (bytes: Uint8Array) => Uint8Array {
  let x = seed >>> 0 || 1;
  return (bytes) => {
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
    for (let i = 0; i < words.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      words[i] = x;
    }
    for (let i = words.length * 4; i < bytes.length; i++) bytes[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    return bytes;
  };
}

/**
 * The ONNX bytes of a decoder of `shape` with `weights`-format matrices. Past keys and values
 * are [1, kvHeads, past, headDim]; logits [1, S, vocab]. With `stopAfter`, the model ends its
 * turn right after writing one of `stopAfter.tokens` (the tiny model's way of ending its answers
 * after a few words).
 */
export function decoderOnnx(
  shape: DecoderShape,
  weights: OnnxWeights,
  seed = 1234,
  stopAfter?: { eos: number; tokens: number[] },
): Uint8Array {
  const { embd, ff, layers, heads, kvHeads, vocab } = shape;
  const headDim = embd / heads;
  const group = heads / kvHeads;
  const fill = filler(seed);
  const g = new Graph();
  const linear = (name: string, x: string, k: number, n: number): string => {
    if (weights === 'f32') {
      // Uniform in ±√(3/k): about unit variance out for unit variance in.
      const bits = new Uint32Array(fill(new Uint8Array(k * n * 4)).buffer);
      const w = Float32Array.from(bits, (u) => (u / 2 ** 32 - 0.5) * 2 * Math.sqrt(3 / k));
      return g.node('MatMul', [x, g.tensor(`${name}.w`, 'float', [k, n], new Uint8Array(w.buffer))]);
    }
    if (weights === 'int8') {
      const b = g.tensor(`${name}.q`, 'int8', [k, n], fill(new Uint8Array(k * n)));
      // About unit variance out for unit variance in: random int8 has a deviation of about 74.
      const s = g.floats(`${name}.scales`, new Float32Array(n).fill(1 / (74 * Math.sqrt(k))));
      return g.node('DynamicQuantizeMatMul', [x, b, s], {}, 'com.microsoft');
    }
    if (weights === 'int8u') {
      const b = g.tensor(`${name}.q`, 'int8', [k, n], fill(new Uint8Array(k * n)));
      const s = g.floats(`${name}.scale`, Float32Array.of(1 / (74 * Math.sqrt(k))));
      const [xq, xs, xz] = g.nodeOut('DynamicQuantizeLinear', [x], 3) as [string, string, string];
      const product = g.node('MatMulInteger', [xq, b, xz, g.tensor(`${name}.zero`, 'int8', [], new Uint8Array(1))]);
      return g.node('Mul', [g.node('Cast', [product], { to: DT.float }), g.node('Mul', [xs, s])]);
    }
    const b = g.tensor(
      `${name}.q`,
      'uint8',
      [n, k / BLOCK, BLOCK / 2],
      fill(new Uint8Array(n * (k / BLOCK) * (BLOCK / 2))),
    );
    const s = g.floats(`${name}.scales`, new Float32Array(n * (k / BLOCK)).fill(1 / (4.6 * Math.sqrt(k))));
    return g.node(
      'MatMulNBits',
      [x, b, s],
      { K: k, N: n, bits: 4, block_size: BLOCK, accuracy_level: weights === 'int4acc' ? 4 : 0 },
      'com.microsoft',
    );
  };
  const norm = (name: string, x: string): string => {
    const scale = g.floats(`${name}.w`, new Float32Array(embd).fill(1));
    const bias = g.floats(`${name}.b`, new Float32Array(embd));
    return g.node('LayerNormalization', [x, scale, bias], { axis: -1, epsilon: 1e-6 });
  };

  g.io('input', 'input_ids', 'int64', [1, 'sequence']);
  g.io('input', 'attention_mask', 'int64', [1, 'total']);
  g.io('input', 'position_ids', 'int64', [1, 'sequence']);
  g.io('output', 'logits', 'float', [1, 'sequence', vocab]);
  // fp16 embeddings with small exponents: finite values of about unit size.
  const table = g.tensor(
    'embed',
    'float16',
    [vocab, embd],
    fill(new Uint8Array(vocab * embd * 2)).map((b, i) => (i % 2 ? b & 0xbb : b)),
  );
  let h = g.node('Cast', [g.node('Gather', [table, 'input_ids'])], { to: DT.float });

  // Causal mask from positions: key j is hidden from query i when j > position_ids[i].
  const total = g.node(
    'Gather',
    [g.node('Shape', ['attention_mask']), g.tensor('one', 'int64', [], new Uint8Array(BigInt64Array.of(1n).buffer))],
    { axis: 0 },
  );
  const keys = g.node('Range', [
    g.tensor('zero', 'int64', [], new Uint8Array(8)),
    total,
    g.tensor('step', 'int64', [], new Uint8Array(BigInt64Array.of(1n).buffer)),
  ]);
  const future = g.node('Greater', [keys, g.node('Unsqueeze', ['position_ids', g.ints('axis2', [2])])]);
  const mask5 = g.node('Unsqueeze', [
    g.node('Where', [future, g.floats('hidden', Float32Array.of(-1e9)), g.floats('seen', Float32Array.of(0))]),
    g.ints('axes12', [1, 2]),
  ]);

  const qShape = g.ints('q_shape', [1, -1, kvHeads, group, headDim]);
  const kvShape = g.ints('kv_shape', [1, -1, kvHeads, headDim]);
  const outShape = g.ints('out_shape', [1, -1, embd]);
  const scale = g.floats('attn_scale', Float32Array.of(1 / Math.sqrt(headDim)));
  for (let l = 0; l < layers; l++) {
    for (const kind of ['key', 'value']) {
      g.io('input', `past_key_values.${l}.${kind}`, 'float', [1, kvHeads, 'past', headDim]);
      g.io('output', `present.${l}.${kind}`, 'float', [1, kvHeads, 'total', headDim]);
    }
    const x = norm(`l${l}.attn_norm`, h);
    const q = g.node('Transpose', [g.node('Reshape', [linear(`l${l}.q`, x, embd, embd), qShape])], {
      perm: [0, 2, 3, 1, 4],
    });
    const kv = (kind: 'key' | 'value', name: string) => {
      const fresh = g.node('Transpose', [g.node('Reshape', [linear(name, x, embd, kvHeads * headDim), kvShape])], {
        perm: [0, 2, 1, 3],
      });
      const present = g.rename(
        g.node('Concat', [`past_key_values.${l}.${kind}`, fresh], { axis: 2 }),
        `present.${l}.${kind}`,
      );
      return g.node('Unsqueeze', [present, g.ints(`l${l}.${kind}.axis`, [2])]);
    };
    const k = kv('key', `l${l}.k`);
    const v = kv('value', `l${l}.v`);
    const scores = g.node('Add', [
      g.node('Mul', [g.node('MatMul', [q, g.node('Transpose', [k], { perm: [0, 1, 2, 4, 3] })]), scale]),
      mask5,
    ]);
    const attn = g.node('MatMul', [g.node('Softmax', [scores], { axis: -1 }), v]);
    const merged = g.node('Reshape', [g.node('Transpose', [attn], { perm: [0, 3, 1, 2, 4] }), outShape]);
    h = g.node('Add', [h, linear(`l${l}.o`, merged, embd, embd)]);
    const y = norm(`l${l}.ffn_norm`, h);
    const gate = linear(`l${l}.gate`, y, embd, ff);
    const up = linear(`l${l}.up`, y, embd, ff);
    const act = g.node('Mul', [g.node('Mul', [gate, g.node('Sigmoid', [gate])]), up]);
    h = g.node('Add', [h, linear(`l${l}.down`, act, ff, embd)]);
  }
  let logits = linear('lm_head', norm('final_norm', h), embd, vocab);
  if (stopAfter) {
    // After reading one of `tokens`, the end of the turn outweighs every other logit.
    const after = new Float32Array(vocab);
    for (const t of stopAfter.tokens) after[t] = 100;
    const eos = new Float32Array(vocab);
    eos[stopAfter.eos] = 1;
    const push = g.node('Unsqueeze', [
      g.node('Gather', [g.floats('stop_after', after), 'input_ids']),
      g.ints('axis_last', [2]),
    ]);
    logits = g.node('Add', [logits, g.node('Mul', [push, g.floats('eos_only', eos)])]);
  }
  g.rename(logits, 'logits');
  return g.model();
}
