/**
 * A minimal GGUF (v3) writer: enough to make a tiny llama-architecture model that llama.cpp
 * (and so the CPU engine) loads, and a model of the default model's real shape and size in
 * quantized blocks, for speed figures. Spec: ggml's docs/gguf.md.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

/** GGUF metadata value types. */
enum VT {
  U32 = 4,
  I32 = 5,
  F32 = 6,
  BOOL = 7,
  STRING = 8,
  ARRAY = 9,
}

export type MetaValue =
  | { u32: number }
  | { i32: number }
  | { f32: number }
  | { bool: boolean }
  | { str: string }
  | { strs: string[] }
  | { f32s: number[] }
  | { i32s: number[] };

/** A tensor of 32-bit floats; `dims` innermost first, as GGUF stores them. */
export interface Tensor {
  name: string;
  dims: number[];
  data: Float32Array;
}

class Writer {
  private chunks: Buffer[] = [];
  size = 0;
  push(b: Buffer) {
    this.chunks.push(b);
    this.size += b.length;
  }
  u32(v: number) {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(v);
    this.push(b);
  }
  i32(v: number) {
    const b = Buffer.alloc(4);
    b.writeInt32LE(v);
    this.push(b);
  }
  u64(v: number) {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(v));
    this.push(b);
  }
  f32(v: number) {
    const b = Buffer.alloc(4);
    b.writeFloatLE(v);
    this.push(b);
  }
  str(s: string) {
    const b = Buffer.from(s, 'utf8');
    this.u64(b.length);
    this.push(b);
  }
  pad(alignment: number) {
    const n = (alignment - (this.size % alignment)) % alignment;
    if (n) this.push(Buffer.alloc(n));
  }
  bytes() {
    return Buffer.concat(this.chunks);
  }
}

function writeValue(w: Writer, v: MetaValue): void {
  if ('u32' in v) {
    w.u32(VT.U32);
    w.u32(v.u32);
  } else if ('i32' in v) {
    w.u32(VT.I32);
    w.i32(v.i32);
  } else if ('f32' in v) {
    w.u32(VT.F32);
    w.f32(v.f32);
  } else if ('bool' in v) {
    w.u32(VT.BOOL);
    w.push(Buffer.from([v.bool ? 1 : 0]));
  } else if ('str' in v) {
    w.u32(VT.STRING);
    w.str(v.str);
  } else if ('strs' in v) {
    w.u32(VT.ARRAY);
    w.u32(VT.STRING);
    w.u64(v.strs.length);
    v.strs.forEach((s) => w.str(s));
  } else if ('f32s' in v) {
    w.u32(VT.ARRAY);
    w.u32(VT.F32);
    w.u64(v.f32s.length);
    v.f32s.forEach((x) => w.f32(x));
  } else {
    w.u32(VT.ARRAY);
    w.u32(VT.I32);
    w.u64(v.i32s.length);
    v.i32s.forEach((x) => w.i32(x));
  }
}

/** ggml tensor types this writer knows, with their block size and bytes per block. */
export const GGML_TYPES = {
  F32: { id: 0, block: 1, bytes: 4 },
  Q4_0: { id: 2, block: 32, bytes: 18 },
  Q5_0: { id: 6, block: 32, bytes: 22 },
  Q8_0: { id: 8, block: 32, bytes: 34 },
  Q4_K: { id: 12, block: 256, bytes: 144 },
  Q6_K: { id: 14, block: 256, bytes: 210 },
} as const;
export type GgmlType = keyof typeof GGML_TYPES;

/** A tensor's name, shape (innermost first) and type, without its data. */
export interface TensorInfo {
  name: string;
  dims: number[];
  type: GgmlType;
}

/** How many bytes a tensor's data takes. */
export function tensorBytes(t: TensorInfo): number {
  const { block, bytes } = GGML_TYPES[t.type];
  const elements = t.dims.reduce((a, b) => a * b, 1);
  if (t.dims[0]! % block)
    throw new Error(`${t.name}: rows of ${t.dims[0]} do not split into ${t.type} blocks of ${block}`);
  return (elements / block) * bytes;
}

/** The header: magic, metadata and tensor infos, padded to the alignment. */
function header(meta: Record<string, MetaValue>, tensors: TensorInfo[], alignment: number): Buffer {
  const w = new Writer();
  w.push(Buffer.from('GGUF', 'ascii'));
  w.u32(3);
  w.u64(tensors.length);
  w.u64(Object.keys(meta).length);
  for (const [key, value] of Object.entries(meta)) {
    w.str(key);
    writeValue(w, value);
  }
  let offset = 0;
  for (const t of tensors) {
    w.str(t.name);
    w.u32(t.dims.length);
    t.dims.forEach((d) => w.u64(d));
    w.u32(GGML_TYPES[t.type].id);
    w.u64(offset);
    offset += Math.ceil(tensorBytes(t) / alignment) * alignment;
  }
  w.pad(alignment);
  return w.bytes();
}

const padding = (size: number, alignment: number) => Buffer.alloc((alignment - (size % alignment)) % alignment);

/** Serialises metadata and F32 tensors into a GGUF file. */
export function writeGguf(meta: Record<string, MetaValue>, tensors: Tensor[], alignment = 32): Buffer {
  const parts = [
    header(
      meta,
      tensors.map((t) => ({ name: t.name, dims: t.dims, type: 'F32' as const })),
      alignment,
    ),
  ];
  for (const t of tensors) {
    parts.push(Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength), padding(t.data.byteLength, alignment));
  }
  return Buffer.concat(parts);
}

/**
 * Writes a GGUF file tensor by tensor (a real-size model does not fit one buffer): `fill`
 * writes each tensor's bytes into the buffer it is given.
 */
export function writeGgufFile(
  path: string,
  meta: Record<string, MetaValue>,
  tensors: TensorInfo[],
  fill: (t: TensorInfo, data: Buffer) => void,
  alignment = 32,
): number {
  const fd = openSync(path, 'w');
  try {
    let size = 0;
    const put = (b: Buffer) => {
      writeSync(fd, b);
      size += b.length;
    };
    put(header(meta, tensors, alignment));
    for (const t of tensors) {
      const data = Buffer.alloc(tensorBytes(t));
      fill(t, data);
      put(data);
      put(padding(data.length, alignment));
    }
    return size;
  } finally {
    closeSync(fd);
  }
}
