/**
 * Makes a decoder export compute logits for the last position only.
 *
 * Why: the Hugging Face exports compute `logits` for every position of a step, and the CPU
 * engine reads only the last row. On the default model, the output matrix (896 × 151,936) is
 * about a quarter of each prompt step's arithmetic, and its output (32 rows of 151,936 floats,
 * 19 MB) is a fresh array the page must fill at every step. Taking the last position before
 * that matrix saves both and changes nothing the engine reads.
 *
 * How: the model's protobuf is edited in place (nothing is decoded but the node list). From
 * `logits`, the walk goes back through elementwise nodes to the one matrix product over the
 * hidden state (`MatMul`, `DynamicQuantizeMatMul`, `MatMulNBits`, `Gemm`, or `MatMulInteger`
 * after its `DynamicQuantizeLinear`), and a `Gather` of index [-1] on the positions' axis goes
 * in front of it. When the graph has any other shape, the bytes are returned unchanged: the
 * engine then reads the last row of the full logits, as before.
 */

/** Ops a logits row passes through unchanged in shape along the positions (elementwise). */
const ELEMENTWISE = new Set(['Identity', 'Cast', 'Add', 'Mul', 'Sub', 'Div']);
/** Matrix products whose first input is the hidden state. */
const PRODUCTS = new Set(['MatMul', 'DynamicQuantizeMatMul', 'MatMulNBits', 'Gemm']);

/** The ModelProto and GraphProto field numbers used here (onnx.proto). */
const MODEL_GRAPH = 7;
const GRAPH = { node: 1, initializer: 5 } as const;
const NODE = { input: 1, output: 2, name: 3, opType: 4, domain: 7, attribute: 5 } as const;

/** One field of a protobuf message: its number, and where its whole encoding and its value lie. */
interface Field {
  no: number;
  start: number;
  valueStart: number;
  end: number;
}

function varint(bytes: Uint8Array, at: number): [value: number, next: number] {
  let value = 0;
  let scale = 1;
  for (let i = at; i < bytes.length; i++) {
    const b = bytes[i]!;
    value += (b & 0x7f) * scale;
    if (b < 0x80) return [value, i + 1];
    scale *= 128;
  }
  throw new Error('truncated varint');
}

/** The fields of the message in `bytes[from, to)`. */
function fields(bytes: Uint8Array, from: number, to: number): Field[] {
  const out: Field[] = [];
  let at = from;
  while (at < to) {
    const start = at;
    const [key, next] = varint(bytes, at);
    const wire = key % 8;
    let valueStart = next;
    if (wire === 0) at = varint(bytes, next)[1];
    else if (wire === 1) at = next + 8;
    else if (wire === 5) at = next + 4;
    else if (wire === 2) {
      const [length, body] = varint(bytes, next);
      valueStart = body;
      at = body + length;
    } else throw new Error(`unsupported wire type ${wire}`);
    if (at > to) throw new Error('field runs past its message');
    out.push({ no: Math.floor(key / 8), start, valueStart, end: at });
  }
  return out;
}

const text = (bytes: Uint8Array, f: Field) => new TextDecoder().decode(bytes.subarray(f.valueStart, f.end));

interface GraphNode {
  field: Field;
  op: string;
  inputs: string[];
  outputs: string[];
}

function encodeVarint(n: number): number[] {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n % 128) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}

function lengthDelimited(no: number, body: Uint8Array): Uint8Array {
  return Uint8Array.from([...encodeVarint(no * 8 + 2), ...encodeVarint(body.length), ...body]);
}

const utf8 = (s: string) => new TextEncoder().encode(s);

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A node that reads `input` and writes `output`: Gather of index [-1] along axis 1. */
function gatherLast(input: string, indices: string, output: string): Uint8Array {
  // AttributeProto: name, i = 1, type = INT (2).
  const axis = concat([lengthDelimited(1, utf8('axis')), Uint8Array.from([3 << 3, 1, ...encodeVarint(20 << 3), 2])]);
  return concat([
    lengthDelimited(NODE.input, utf8(input)),
    lengthDelimited(NODE.input, utf8(indices)),
    lengthDelimited(NODE.output, utf8(output)),
    lengthDelimited(NODE.name, utf8('skein_last_position')),
    lengthDelimited(NODE.opType, utf8('Gather')),
    lengthDelimited(NODE.attribute, axis),
  ]);
}

/** An int64 tensor [1] holding -1 (TensorProto: dims, data_type, name, raw_data). */
function minusOne(name: string): Uint8Array {
  return concat([
    Uint8Array.of(1 << 3, 1, 2 << 3, 7),
    lengthDelimited(8, utf8(name)),
    lengthDelimited(9, new Uint8Array(8).fill(0xff)),
  ]);
}

/** The node before which the last position is taken, and which of its inputs is the hidden state. */
function findHinge(nodes: GraphNode[], constants: Set<string>): { node: GraphNode; input: string } | null {
  const producer = new Map<string, GraphNode>();
  for (const n of nodes) for (const o of n.outputs) producer.set(o, n);
  const products: GraphNode[] = [];
  const seen = new Set<GraphNode>();
  const walk = (tensor: string): void => {
    const n = producer.get(tensor);
    if (!n || seen.has(n)) return;
    seen.add(n);
    if (PRODUCTS.has(n.op) || n.op === 'MatMulInteger') products.push(n);
    else if (ELEMENTWISE.has(n.op)) for (const i of n.inputs) if (!constants.has(i)) walk(i);
  };
  walk('logits');
  if (products.length !== 1) return null;
  const product = products[0]!;
  if (PRODUCTS.has(product.op)) return { node: product, input: product.inputs[0]! };
  // MatMulInteger reads the hidden state quantized: take the last position before the quantizer.
  const quantizer = producer.get(product.inputs[0]!);
  if (quantizer?.op !== 'DynamicQuantizeLinear') return null;
  return { node: quantizer, input: quantizer.inputs[0]! };
}

/**
 * The model in `bytes` with logits for the last position only, or `bytes` itself when its
 * graph is not of the shape described above (or cannot be read).
 */
export function lastPositionLogits(bytes: Uint8Array): Uint8Array {
  try {
    const top = fields(bytes, 0, bytes.length);
    const graph = top.find((f) => f.no === MODEL_GRAPH);
    if (!graph) return bytes;
    const graphFields = fields(bytes, graph.valueStart, graph.end);
    const constants = new Set<string>();
    const nodes: GraphNode[] = [];
    for (const f of graphFields) {
      if (f.no === GRAPH.initializer) {
        const name = fields(bytes, f.valueStart, f.end).find((t) => t.no === 8);
        if (name) constants.add(text(bytes, name));
      } else if (f.no === GRAPH.node) {
        const parts = fields(bytes, f.valueStart, f.end);
        const node: GraphNode = {
          field: f,
          op: '',
          inputs: parts.filter((p) => p.no === NODE.input).map((p) => text(bytes, p)),
          outputs: parts.filter((p) => p.no === NODE.output).map((p) => text(bytes, p)),
        };
        const op = parts.find((p) => p.no === NODE.opType);
        node.op = op ? text(bytes, op) : '';
        if (node.op === 'Constant') for (const o of node.outputs) constants.add(o);
        nodes.push(node);
      }
    }
    const hinge = findHinge(nodes, constants);
    if (!hinge) return bytes;
    const last = `${hinge.input}/skein_last`;
    const index = 'skein_last_index';
    // The hinge node again, its first input (the hidden state) renamed, other fields as they were.
    const f = hinge.node.field;
    const nodeFields = fields(bytes, f.valueStart, f.end);
    const first = nodeFields.find((p) => p.no === NODE.input);
    const rewired = concat(
      nodeFields.map((p) => (p === first ? lengthDelimited(NODE.input, utf8(last)) : bytes.subarray(p.start, p.end))),
    );
    // One copy of the file: the graph's pieces around the edit, then the model's around the graph.
    const body = [
      bytes.subarray(graph.valueStart, f.start),
      lengthDelimited(GRAPH.node, gatherLast(hinge.input, index, last)),
      lengthDelimited(GRAPH.node, rewired),
      bytes.subarray(f.end, graph.end),
      lengthDelimited(GRAPH.initializer, minusOne(index)),
    ];
    const length = body.reduce((n, p) => n + p.length, 0);
    return concat([
      bytes.subarray(0, graph.start),
      Uint8Array.from([...encodeVarint(MODEL_GRAPH * 8 + 2), ...encodeVarint(length)]),
      ...body,
      bytes.subarray(graph.end),
    ]);
  } catch {
    return bytes;
  }
}
