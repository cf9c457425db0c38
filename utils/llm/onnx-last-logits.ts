/**
 * Makes a decoder export compute logits for the last position only.
 *
 * Why: the Hugging Face exports compute `logits` for every position of a step, and the CPU
 * engine reads only the last row. On the default model, the output matrix (896 × 151,936) is
 * about a quarter of each prompt step's arithmetic, and its output (32 rows of 151,936 floats,
 * 19 MB) is a fresh array the page must fill at every step. Taking the last position before
 * that matrix saves both and changes nothing the engine reads.
 *
 * How: the model's protobuf is edited in place, without a copy of the file (a copy would add its
 * size to the memory a load peaks at: 770 MB for the real-size test model). Nothing is decoded
 * but the node list. From `logits`, the walk goes back through elementwise nodes to the one
 * matrix product over the hidden state (`MatMul`, `DynamicQuantizeMatMul`, `MatMulNBits`,
 * `Gemm`, or `MatMulInteger` after its `DynamicQuantizeLinear`), and a `Gather` of index [-1]
 * on the positions' axis goes in front of it. When the graph has any other shape, the bytes
 * are left as they are: the engine then reads the last row of the full logits, as before.
 */

/** Ops a logits row passes through unchanged in shape along the positions (elementwise). */
const ELEMENTWISE = new Set(['Identity', 'Cast', 'Add', 'Mul', 'Sub', 'Div']);
/** Matrix products whose first input is the hidden state. */
const PRODUCTS = new Set(['MatMul', 'DynamicQuantizeMatMul', 'MatMulNBits', 'Gemm']);

/** The ModelProto and GraphProto field numbers used here (onnx.proto). */
const MODEL_GRAPH = 7;
const GRAPH = { node: 1, initializer: 5, input: 11, output: 12 } as const;
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
  op: string;
  inputs: string[];
  outputs: string[];
  /** Where each output's name lies in the file. */
  outputFields: Field[];
}

/**
 * A protobuf varint; a negative int64 as its 64-bit two's complement, as protobuf writes it.
 * Also the test models' generator's (scripts/lib/onnx.ts).
 */
export function encodeVarint(n: number | bigint): number[] {
  let v = BigInt.asUintN(64, BigInt(n));
  const out: number[] = [];
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return out;
}

/** A length-delimited field (`no`, wire type 2) holding `body`. */
export function lengthDelimited(no: number, body: Uint8Array): Uint8Array {
  const head = [...encodeVarint(no * 8 + 2), ...encodeVarint(body.length)];
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  out.set(body, head.length);
  return out;
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

/** Free bytes the edit needs after a model's own: read the file into a buffer this much longer. */
export const EDIT_ROOM = 4096;

/** A copy of `bytes` with `EDIT_ROOM` free bytes after it (tests and benches). */
export function withRoom(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length + EDIT_ROOM);
  out.set(bytes);
  return out;
}

/** Reads a model file into a buffer with room for the edit: one copy, like `arrayBuffer()`. */
export async function readWithRoom(blob: Blob): Promise<Uint8Array> {
  const out = new Uint8Array(blob.size + EDIT_ROOM);
  const reader = blob.stream().getReader();
  let at = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return out;
    out.set(value, at);
    at += value.length;
  }
}

/** The tensor the last position is taken from, and the node that writes it (and where it names it). */
interface Hinge {
  tensor: string;
  producer: GraphNode;
}

/** Where the last position is taken: just before the one matrix product that makes the logits. */
function findHinge(nodes: GraphNode[], constants: Set<string>): Hinge | null {
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
  let reader = products[0]!;
  if (reader.op === 'MatMulInteger') {
    // It reads the hidden state quantized: the last position is taken before the quantizer.
    const quantizer = producer.get(reader.inputs[0]!);
    if (quantizer?.op !== 'DynamicQuantizeLinear') return null;
    reader = quantizer;
  }
  const tensor = reader.inputs[0]!;
  const writer = producer.get(tensor);
  // The hidden state must come from a node and go to this one only.
  if (!writer || nodes.some((n) => n !== reader && n.inputs.includes(tensor))) return null;
  if (reader.inputs.indexOf(tensor) !== reader.inputs.lastIndexOf(tensor)) return null;
  return { tensor, producer: writer };
}

/** A model after the edit, and the way back to the file as it was. */
export interface Edit {
  model: Uint8Array;
  /** Whether the graph was edited (false: `model` is the file as it is). */
  edited: boolean;
  /** Undoes the edit in place and returns the file as it was (a runtime that refuses the edit). */
  original(): Uint8Array;
}

/** A name of the same length in bytes as `name` that no tensor has, or null. */
function sameLengthName(name: string, taken: Set<string>): string | null {
  if (name.charCodeAt(name.length - 1) >= 0x80) return null;
  for (const c of 'abcdefghijklmnopqrstuvwxyz0123456789') {
    const other = name.slice(0, -1) + c;
    if (!taken.has(other)) return other;
  }
  return null;
}

/**
 * Edits the model in `room[0, size)` in place to compute logits for the last position only, and
 * returns its bytes. `room` has `EDIT_ROOM` free bytes after the model (`readWithRoom`,
 * `withRoom`): nothing is copied. The tensor before the logits' matrix product is renamed where
 * it is written (to a name of the same length, so no byte moves), and a second `graph` field
 * appended to the model adds the Gather from it to the old name and its index: protobuf merges
 * repeated fields of a message field that appears twice. A graph of another shape, or bytes
 * that cannot be read, are left as they are (`room[0, size)`, `edited` false).
 */
export function lastPositionLogits(room: Uint8Array, size: number): Edit {
  const bytes = room.subarray(0, size);
  const asIs: Edit = { model: bytes, edited: false, original: () => bytes };
  try {
    const graph = fields(bytes, 0, size).find((f) => f.no === MODEL_GRAPH);
    if (!graph) return asIs;
    const constants = new Set<string>();
    const taken = new Set<string>();
    const declared = new Set<string>();
    const nodes: GraphNode[] = [];
    const messages: number[] = Object.values(GRAPH);
    for (const f of fields(bytes, graph.valueStart, graph.end)) {
      // The graph's other fields (its name, its doc string) are not messages.
      if (!messages.includes(f.no)) continue;
      const parts = fields(bytes, f.valueStart, f.end);
      const names = (no: number) => parts.filter((p) => p.no === no).map((p) => text(bytes, p));
      if (f.no === GRAPH.initializer) for (const name of names(8)) constants.add(name);
      else if (f.no === GRAPH.input || f.no === GRAPH.output) for (const name of names(1)) declared.add(name);
      else if (f.no === GRAPH.node) {
        const op = parts.find((p) => p.no === NODE.opType);
        const node: GraphNode = {
          op: op ? text(bytes, op) : '',
          inputs: names(NODE.input),
          outputs: names(NODE.output),
          outputFields: parts.filter((p) => p.no === NODE.output),
        };
        if (node.op === 'Constant') for (const o of node.outputs) constants.add(o);
        nodes.push(node);
      }
    }
    for (const n of nodes) for (const name of [...n.inputs, ...n.outputs]) taken.add(name);
    for (const name of [...constants, ...declared]) taken.add(name);
    const hinge = findHinge(nodes, constants);
    const index = 'skein_last_index';
    if (!hinge || declared.has(hinge.tensor) || taken.has(index)) return asIs;
    const full = sameLengthName(hinge.tensor, taken);
    const at = hinge.producer.outputFields[hinge.producer.outputs.indexOf(hinge.tensor)];
    if (!full || !at) return asIs;
    const added = lengthDelimited(
      MODEL_GRAPH,
      concat([
        lengthDelimited(GRAPH.node, gatherLast(full, index, hinge.tensor)),
        lengthDelimited(GRAPH.initializer, minusOne(index)),
      ]),
    );
    if (room.length < size + added.length) return asIs;
    // Written only now that the edit is sure to go in whole.
    room.set(utf8(full), at.valueStart);
    room.set(added, size);
    return {
      model: room.subarray(0, size + added.length),
      edited: true,
      original: () => {
        room.set(utf8(hinge.tensor), at.valueStart);
        return bytes;
      },
    };
  } catch {
    return asIs;
  }
}
