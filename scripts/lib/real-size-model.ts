/**
 * A model with the default CPU model's exact architecture and size (Qwen2.5-0.5B-Instruct:
 * `qwen2`, 24 layers, hidden 896, 14 heads, 2 KV heads, FFN 4864, vocab 151,936, tied
 * embeddings, q/k/v biases) and random weights, for speed figures only: how fast llama.cpp
 * runs does not depend on the weight values. Nothing here is downloaded.
 *
 * Quantization, in the file's own ggml blocks:
 * - `q4km` (default, about 400 MB), like the real Q4_K_M file: token embeddings Q8_0;
 *   attention and FFN gate/up Q5_0 (896-wide rows cannot use 256-element K-quant blocks);
 *   FFN down Q4_K, Q6_K in the layers Q4_K_M gives more bits; attention V Q8_0 in those.
 * - `q4_0` and `q8_0`: every matrix in that type.
 * Block contents are random bytes with a small fixed fp16 scale; norms are 1, biases 0.
 */
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeGgufFile, type GgmlType, type MetaValue, type TensorInfo } from './gguf';

export type RealSizeQuant = 'q4km' | 'q4_0' | 'q8_0';

const N_EMBD = 896;
const N_FF = 4864;
const N_LAYER = 24;
const N_HEAD = 14;
const N_HEAD_KV = 2;
const HEAD_DIM = N_EMBD / N_HEAD;
const N_VOCAB = 151_936;
const N_CTX = 32_768;

/** Where generated models are kept: outside git, beside the installed packages. */
export const MODEL_CACHE = resolve(import.meta.dirname, '../../node_modules/.cache/skein-models');

/** Q4_K_M's "more bits" layers: the first and last eighth, and every third in between. */
const moreBits = (layer: number) =>
  layer < N_LAYER / 8 || layer >= (7 * N_LAYER) / 8 || (layer - N_LAYER / 8) % 3 === 2;

function tensors(quant: RealSizeQuant): TensorInfo[] {
  const matrix = (q4km: GgmlType): GgmlType => (quant === 'q4km' ? q4km : quant === 'q4_0' ? 'Q4_0' : 'Q8_0');
  const list: TensorInfo[] = [{ name: 'token_embd.weight', dims: [N_EMBD, N_VOCAB], type: matrix('Q8_0') }];
  for (let l = 0; l < N_LAYER; l++) {
    const kv = N_HEAD_KV * HEAD_DIM;
    list.push(
      { name: `blk.${l}.attn_norm.weight`, dims: [N_EMBD], type: 'F32' },
      { name: `blk.${l}.attn_q.weight`, dims: [N_EMBD, N_EMBD], type: matrix('Q5_0') },
      { name: `blk.${l}.attn_q.bias`, dims: [N_EMBD], type: 'F32' },
      { name: `blk.${l}.attn_k.weight`, dims: [N_EMBD, kv], type: matrix('Q5_0') },
      { name: `blk.${l}.attn_k.bias`, dims: [kv], type: 'F32' },
      { name: `blk.${l}.attn_v.weight`, dims: [N_EMBD, kv], type: matrix(moreBits(l) ? 'Q8_0' : 'Q5_0') },
      { name: `blk.${l}.attn_v.bias`, dims: [kv], type: 'F32' },
      { name: `blk.${l}.attn_output.weight`, dims: [N_EMBD, N_EMBD], type: matrix('Q5_0') },
      { name: `blk.${l}.ffn_norm.weight`, dims: [N_EMBD], type: 'F32' },
      { name: `blk.${l}.ffn_gate.weight`, dims: [N_EMBD, N_FF], type: matrix('Q5_0') },
      { name: `blk.${l}.ffn_up.weight`, dims: [N_EMBD, N_FF], type: matrix('Q5_0') },
      { name: `blk.${l}.ffn_down.weight`, dims: [N_FF, N_EMBD], type: matrix(moreBits(l) ? 'Q6_K' : 'Q4_K') },
    );
  }
  list.push({ name: 'output_norm.weight', dims: [N_EMBD], type: 'F32' });
  return list;
}

/**
 * A SentencePiece-style vocabulary of the real size: control tokens (ChatML's among them),
 * the 256 byte tokens, then letter pieces of one to four letters, so English text comes out
 * at roughly four characters a token, as with the real tokenizer.
 */
export function realSizeVocab(): { tokens: string[]; scores: number[]; types: number[]; eos: number } {
  const tokens = ['<unk>', '<s>', '</s>', '<|endoftext|>', '<|im_start|>', '<|im_end|>'];
  const types = [2, 3, 3, 3, 3, 3];
  for (let b = 0; b < 256; b++) {
    tokens.push(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`);
    types.push(6);
  }
  const seen = new Set(tokens);
  const add = (piece: string) => {
    if (tokens.length >= N_VOCAB || seen.has(piece)) return;
    seen.add(piece);
    tokens.push(piece);
    types.push(1);
  };
  const letters = 'etaoinshrdlcumwfgypbvkjxqz'.split('');
  ['▁', ...'.,!?:;\'"()-@#0123456789'.split('').map((c) => `▁${c}`), ...'.,!?:;\'"()-'.split('')].forEach(add);
  let layer = [''];
  for (let len = 1; len <= 4; len++) {
    layer = layer.flatMap((p) => letters.map((c) => p + c));
    for (const p of layer) {
      add(`▁${p}`);
      add(p);
      if (len <= 2) add(`▁${p[0]!.toUpperCase()}${p.slice(1)}`);
    }
  }
  // Longer pieces merge first: SentencePiece merges the best-scored pair.
  const scores = tokens.map((t, i) => (i < 262 ? 0 : t.replace('▁', '').length * 1000 - i / N_VOCAB));
  return { tokens, scores, types, eos: 5 };
}

function metadata(quant: RealSizeQuant): Record<string, MetaValue> {
  const { tokens, scores, types, eos } = realSizeVocab();
  return {
    'general.architecture': { str: 'qwen2' },
    'general.name': { str: `skein-qwen2.5-0.5b-shape-${quant}` },
    'general.alignment': { u32: 32 },
    'qwen2.context_length': { u32: N_CTX },
    'qwen2.embedding_length': { u32: N_EMBD },
    'qwen2.block_count': { u32: N_LAYER },
    'qwen2.feed_forward_length': { u32: N_FF },
    'qwen2.attention.head_count': { u32: N_HEAD },
    'qwen2.attention.head_count_kv': { u32: N_HEAD_KV },
    'qwen2.attention.layer_norm_rms_epsilon': { f32: 1e-6 },
    'qwen2.rope.freq_base': { f32: 1_000_000 },
    'tokenizer.ggml.model': { str: 'llama' },
    'tokenizer.ggml.tokens': { strs: tokens },
    'tokenizer.ggml.scores': { f32s: scores },
    'tokenizer.ggml.token_type': { i32s: types },
    'tokenizer.ggml.bos_token_id': { u32: 1 },
    'tokenizer.ggml.eos_token_id': { u32: eos },
    'tokenizer.ggml.unknown_token_id': { u32: 0 },
    'tokenizer.ggml.add_bos_token': { bool: false },
    'tokenizer.chat_template': {
      str:
        "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\n' + message['content'] + '" +
        "<|im_end|>' + '\n' }}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}",
    },
  };
}

/** A small deterministic PRNG filling 32-bit words (xorshift32). */
function fillRandom(data: Buffer, seed: number): void {
  const words = new Uint32Array(data.buffer, data.byteOffset, Math.floor(data.length / 4));
  let x = seed >>> 0 || 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
}

/** fp16 bits of a small positive scale (0.0019531 = 2^-9): finite activations through 24 layers. */
const SCALE = 0x1800;

/** Random block contents with fixed scales where each block type keeps them. */
function fill(t: TensorInfo, data: Buffer): void {
  if (t.type === 'F32') {
    const value = t.name.endsWith('.bias') ? 0 : 1;
    new Float32Array(data.buffer, data.byteOffset, data.length / 4).fill(value);
    return;
  }
  fillRandom(data, t.name.length * 7919 + data.length);
  const blockBytes = { Q4_0: 18, Q5_0: 22, Q8_0: 34, Q4_K: 144, Q6_K: 210 }[t.type];
  for (let at = 0; at < data.length; at += blockBytes) {
    if (t.type === 'Q6_K') data.writeUInt16LE(SCALE, at + 208);
    else data.writeUInt16LE(SCALE, at);
    if (t.type === 'Q4_K') data.writeUInt16LE(SCALE, at + 2); // dmin
  }
}

/**
 * The path of the real-size model in `quant`, generated on first use (about 400 MB for q4km,
 * a few seconds) and kept in MODEL_CACHE.
 */
export function realSizeModel(quant: RealSizeQuant = 'q4km'): string {
  mkdirSync(MODEL_CACHE, { recursive: true });
  const path = join(MODEL_CACHE, `qwen2.5-0.5b-shape-${quant}.gguf`);
  if (existsSync(path) && statSync(path).size > 100_000_000) return path;
  const partial = `${path}.partial`;
  writeGgufFile(partial, metadata(quant), tensors(quant), fill);
  renameSync(partial, path);
  return path;
}
