/**
 * An ONNX model with the default CPU model's shapes (Qwen2.5-0.5B: 24 layers, hidden 896,
 * 14 heads, 2 KV heads, FFN 4864, vocabulary 151,936) and random 4-bit weights, to time
 * onnxruntime-web (what Transformers.js runs) against the CPU engine on the same work.
 *
 * It is written the way int4 ONNX exports of this model are built: every matrix a
 * `MatMulNBits` (4 bits, blocks of 32, ONNX Runtime's own operator), token embeddings fp16,
 * past keys and values as inputs. Rotary embeddings are left out: they are elementwise and
 * under 1% of the work. The protobuf is written here by hand (a few field numbers of
 * onnx.proto), so the bench needs no converter or Python.
 */

/** Random bytes (Web Crypto, so this module also loads in the bench's browser page). */
function randomFillSync(bytes: Uint8Array): Uint8Array {
  for (let at = 0; at < bytes.length; at += 65_536) crypto.getRandomValues(bytes.subarray(at, at + 65_536));
  return bytes;
}

export const SHAPE = { embd: 896, ff: 4864, layers: 24, heads: 14, kvHeads: 2, headDim: 64, vocab: 151_936 } as const;

/** Protobuf wire encoding: just what onnx.proto's messages need. */
class Pb {
  private parts: Uint8Array[] = [];
  private static varint(n: number | bigint): Uint8Array {
    let v = BigInt.asUintN(64, BigInt(n));
    const out: number[] = [];
    while (v >= 0x80n) {
      out.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    out.push(Number(v));
    return Uint8Array.from(out);
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
    const out = `t${this.n++}`;
    const node = new Pb();
    for (const i of inputs) node.bytes(1, i);
    node.bytes(2, out).bytes(3, `${op}_${this.n}`).bytes(4, op);
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
    return out;
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

  /** Gives a value a graph-level name (an output's). */
  rename(from: string, to: string): string {
    this.nodes.push(new Pb().bytes(1, from).bytes(2, to).bytes(3, `rename_${to}`).bytes(4, 'Identity'));
    return to;
  }

  model(): Uint8Array {
    const g = new Pb();
    for (const n of this.nodes) g.bytes(1, n);
    g.bytes(2, 'qwen2-shaped');
    for (const t of this.inits) g.bytes(5, t);
    for (const i of this.ios.input) g.bytes(11, i);
    for (const o of this.ios.output) g.bytes(12, o);
    return new Pb()
      .int(1, 8)
      .bytes(2, 'skein-bench')
      .bytes(7, g)
      .bytes(8, new Pb().bytes(1, '').int(2, 17))
      .bytes(8, new Pb().bytes(1, 'com.microsoft').int(2, 1))
      .finish();
  }
}

const BLOCK = 32;

/**
 * Weight formats, as int4 and int8 exports of this model write them:
 * - `int4`: `MatMulNBits`, 4 bits in blocks of 32 (what "q4" exports use); `int4acc` the same
 *   with `accuracy_level` 4, which lets ONNX Runtime multiply in int8 where it has kernels;
 * - `int8`: `DynamicQuantizeMatMul`, int8 weights with one scale per column, activations
 *   quantized on the fly (what "q8" exports use).
 */
export type OnnxWeights = 'int4' | 'int4acc' | 'int8';

/** A K → N matrix in `weights` format, random values, a small scale, no zero points. */
function linear(g: Graph, name: string, x: string, k: number, n: number, weights: OnnxWeights): string {
  if (weights === 'int8') {
    const b = g.tensor(`${name}.q`, 'int8', [k, n], randomFillSync(new Uint8Array(k * n)));
    const s = g.floats(`${name}.scales`, new Float32Array(n).fill(0.0005));
    return g.node('DynamicQuantizeMatMul', [x, b, s], {}, 'com.microsoft');
  }
  const b = g.tensor(`${name}.q`, 'uint8', [n, k / BLOCK, BLOCK / 2], randomFillSync(new Uint8Array(n * (k / BLOCK) * (BLOCK / 2))));
  const s = g.floats(`${name}.scales`, new Float32Array(n * (k / BLOCK)).fill(0.002));
  return g.node('MatMulNBits', [x, b, s], { K: k, N: n, bits: 4, block_size: BLOCK, accuracy_level: weights === 'int4acc' ? 4 : 0 }, 'com.microsoft');
}

function norm(g: Graph, name: string, x: string): string {
  const scale = g.floats(`${name}.w`, new Float32Array(SHAPE.embd).fill(1));
  const bias = g.floats(`${name}.b`, new Float32Array(SHAPE.embd));
  return g.node('LayerNormalization', [x, scale, bias], { axis: -1, epsilon: 1e-6 });
}

/**
 * The model's bytes. Inputs: `input_ids` [1, S] int64, `mask` [S, T] float (0 or -inf, T = P +
 * S), `past_key_<l>` / `past_value_<l>` [1, 2, 1, P, 64]; outputs: `logits` for the last
 * position, `present_key_<l>` / `present_value_<l>` [1, 2, 1, T, 64].
 */
export function qwen2ShapedOnnx(weights: OnnxWeights): Uint8Array {
  const { embd, ff, layers, heads, kvHeads, headDim, vocab } = SHAPE;
  const g = new Graph();
  const group = heads / kvHeads;
  g.io('input', 'input_ids', 'int64', [1, 'S']);
  g.io('input', 'mask', 'float', ['S', 'T']);
  g.io('output', 'logits', 'float', [1, 1, vocab]);
  const table = g.tensor('embed', 'float16', [vocab, embd], randomFillSync(new Uint8Array(vocab * embd * 2)).map((b, i) => (i % 2 ? b & 0x3b : b)));
  let h = g.node('Cast', [g.node('Gather', [table, 'input_ids'])], { to: DT.float });
  const qShape = g.ints('q_shape', [1, -1, kvHeads, group, headDim]);
  const kvShape = g.ints('kv_shape', [1, -1, kvHeads, 1, headDim]);
  const outShape = g.ints('out_shape', [1, -1, embd]);
  const scale = g.floats('attn_scale', Float32Array.of(1 / Math.sqrt(headDim)));
  for (let l = 0; l < layers; l++) {
    g.io('input', `past_key_${l}`, 'float', [1, kvHeads, 1, 'P', headDim]);
    g.io('input', `past_value_${l}`, 'float', [1, kvHeads, 1, 'P', headDim]);
    g.io('output', `present_key_${l}`, 'float', [1, kvHeads, 1, 'T', headDim]);
    g.io('output', `present_value_${l}`, 'float', [1, kvHeads, 1, 'T', headDim]);
    const x = norm(g, `l${l}.attn_norm`, h);
    const heads5 = (t: string, shape: string) => g.node('Transpose', [g.node('Reshape', [t, shape])], { perm: [0, 2, 3, 1, 4] });
    const q = heads5(linear(g, `l${l}.q`, x, embd, embd, weights), qShape);
    const k = g.node('Concat', [`past_key_${l}`, heads5(linear(g, `l${l}.k`, x, embd, kvHeads * headDim, weights), kvShape)], { axis: 3 });
    const v = g.node('Concat', [`past_value_${l}`, heads5(linear(g, `l${l}.v`, x, embd, kvHeads * headDim, weights), kvShape)], { axis: 3 });
    g.rename(k, `present_key_${l}`);
    g.rename(v, `present_value_${l}`);
    const scores = g.node('Add', [g.node('Mul', [g.node('MatMul', [q, g.node('Transpose', [k], { perm: [0, 1, 2, 4, 3] })]), scale]), 'mask']);
    const attn = g.node('MatMul', [g.node('Softmax', [scores], { axis: -1 }), v]);
    const merged = g.node('Reshape', [g.node('Transpose', [attn], { perm: [0, 3, 1, 2, 4] }), outShape]);
    h = g.node('Add', [h, linear(g, `l${l}.o`, merged, embd, embd, weights)]);
    const y = norm(g, `l${l}.ffn_norm`, h);
    const gate = linear(g, `l${l}.gate`, y, embd, ff, weights);
    const up = linear(g, `l${l}.up`, y, embd, ff, weights);
    const act = g.node('Mul', [g.node('Mul', [gate, g.node('Sigmoid', [gate])]), up]);
    h = g.node('Add', [h, linear(g, `l${l}.down`, act, ff, embd, weights)]);
  }
  const last = g.node('Slice', [norm(g, 'final_norm', h), g.ints('last_start', [-1]), g.ints('last_end', [2 ** 31]), g.ints('last_axis', [1])]);
  g.rename(linear(g, 'lm_head', last, embd, vocab, weights), 'logits');
  return g.model();
}
