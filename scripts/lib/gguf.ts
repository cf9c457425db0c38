/**
 * A minimal GGUF (v3) writer: enough to make a tiny llama-architecture model that llama.cpp
 * (and so the CPU engine) loads. Spec: ggml's docs/gguf.md.
 */

/** GGUF metadata value types. */
const enum VT { U32 = 4, I32 = 5, F32 = 6, BOOL = 7, STRING = 8, ARRAY = 9 }

export type MetaValue =
  | { u32: number } | { i32: number } | { f32: number } | { bool: boolean } | { str: string }
  | { strs: string[] } | { f32s: number[] } | { i32s: number[] };

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
  u32(v: number) { const b = Buffer.alloc(4); b.writeUInt32LE(v); this.push(b); }
  i32(v: number) { const b = Buffer.alloc(4); b.writeInt32LE(v); this.push(b); }
  u64(v: number) { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(v)); this.push(b); }
  f32(v: number) { const b = Buffer.alloc(4); b.writeFloatLE(v); this.push(b); }
  str(s: string) { const b = Buffer.from(s, 'utf8'); this.u64(b.length); this.push(b); }
  pad(alignment: number) { const n = (alignment - (this.size % alignment)) % alignment; if (n) this.push(Buffer.alloc(n)); }
  bytes() { return Buffer.concat(this.chunks); }
}

function writeValue(w: Writer, v: MetaValue): void {
  if ('u32' in v) { w.u32(VT.U32); w.u32(v.u32); }
  else if ('i32' in v) { w.u32(VT.I32); w.i32(v.i32); }
  else if ('f32' in v) { w.u32(VT.F32); w.f32(v.f32); }
  else if ('bool' in v) { w.u32(VT.BOOL); w.push(Buffer.from([v.bool ? 1 : 0])); }
  else if ('str' in v) { w.u32(VT.STRING); w.str(v.str); }
  else if ('strs' in v) { w.u32(VT.ARRAY); w.u32(VT.STRING); w.u64(v.strs.length); v.strs.forEach((s) => w.str(s)); }
  else if ('f32s' in v) { w.u32(VT.ARRAY); w.u32(VT.F32); w.u64(v.f32s.length); v.f32s.forEach((x) => w.f32(x)); }
  else { w.u32(VT.ARRAY); w.u32(VT.I32); w.u64(v.i32s.length); v.i32s.forEach((x) => w.i32(x)); }
}

/** Serialises metadata and F32 tensors into a GGUF file. */
export function writeGguf(meta: Record<string, MetaValue>, tensors: Tensor[], alignment = 32): Buffer {
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
    w.u32(0); // F32
    w.u64(offset);
    offset += Math.ceil((t.data.byteLength) / alignment) * alignment;
  }
  w.pad(alignment);
  for (const t of tensors) {
    w.push(Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength));
    w.pad(alignment);
  }
  return w.bytes();
}
