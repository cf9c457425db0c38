/**
 * The tiny test model as GGUF, for llama.cpp: the model server the "Your own server" tests run
 * (tests/e2e/support/own-server.ts). A llama-architecture chat model of about 200 KB with
 * random F32 weights from a fixed seed, the tiny ONNX model's words as its vocabulary, and
 * ChatML's markers as control tokens. What it writes is noise; how it is served is real.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeGguf, type MetaValue, type Tensor } from './gguf';
import { MODEL_CACHE } from './real-size-model';
import { WORDS } from './tiny-model';
import { seededRandom } from '../../utils/llm/onnx-decoder';

const N_EMBD = 64;
const N_FF = 128;
const N_LAYER = 2;
const N_HEAD = 4;
/** Long enough for any prompt Skein sends a 4,096-token server: byte pieces count one each. */
const N_CTX = 32_768;
const CONTROL = ['<|im_start|>', '<|im_end|>'];

/** SentencePiece-style pieces: unknown, start, end, ChatML's markers, the 256 bytes, then the words. */
function vocab(): { tokens: string[]; scores: number[]; types: number[] } {
  const tokens = ['<unk>', '<s>', '</s>', ...CONTROL];
  const types = [2, 3, 3, 3, 3];
  for (let b = 0; b < 256; b++) {
    tokens.push(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`);
    types.push(6);
  }
  for (const piece of ['▁', ...WORDS.map((w) => `▁${w}`)]) {
    tokens.push(piece);
    types.push(1);
  }
  return { tokens, scores: tokens.map((_, i) => (i < types.indexOf(1) ? 0 : -i)), types };
}

/** The GGUF bytes. */
export function tinyGguf(seed = 1234): Buffer {
  const { tokens, scores, types } = vocab();
  const random = seededRandom(seed);
  const tensor = (name: string, dims: number[], scale = 0.08, value?: number): Tensor => {
    const data = new Float32Array(dims.reduce((a, b) => a * b, 1));
    for (let i = 0; i < data.length; i++) data[i] = value ?? (random() * 2 - 1) * scale;
    return { name, dims, data };
  };
  const tensors = [tensor('token_embd.weight', [N_EMBD, tokens.length], 0.5)];
  for (let l = 0; l < N_LAYER; l++) {
    const matrix = (part: string, dims: number[]) => tensor(`blk.${l}.${part}.weight`, dims);
    tensors.push(
      tensor(`blk.${l}.attn_norm.weight`, [N_EMBD], 0, 1),
      ...['attn_q', 'attn_k', 'attn_v', 'attn_output'].map((part) => matrix(part, [N_EMBD, N_EMBD])),
      tensor(`blk.${l}.ffn_norm.weight`, [N_EMBD], 0, 1),
      matrix('ffn_gate', [N_EMBD, N_FF]),
      matrix('ffn_up', [N_EMBD, N_FF]),
      matrix('ffn_down', [N_FF, N_EMBD]),
    );
  }
  tensors.push(tensor('output_norm.weight', [N_EMBD], 0, 1), tensor('output.weight', [N_EMBD, tokens.length], 0.5));
  const meta: Record<string, MetaValue> = {
    'general.architecture': { str: 'llama' },
    'general.name': { str: 'skein-tiny-test' },
    'general.alignment': { u32: 32 },
    'llama.context_length': { u32: N_CTX },
    'llama.embedding_length': { u32: N_EMBD },
    'llama.block_count': { u32: N_LAYER },
    'llama.feed_forward_length': { u32: N_FF },
    'llama.attention.head_count': { u32: N_HEAD },
    'llama.attention.head_count_kv': { u32: N_HEAD },
    'llama.attention.layer_norm_rms_epsilon': { f32: 1e-5 },
    'llama.rope.dimension_count': { u32: N_EMBD / N_HEAD },
    'llama.rope.freq_base': { f32: 10000 },
    'llama.vocab_size': { u32: tokens.length },
    'tokenizer.ggml.model': { str: 'llama' },
    'tokenizer.ggml.tokens': { strs: tokens },
    'tokenizer.ggml.scores': { f32s: scores },
    'tokenizer.ggml.token_type': { i32s: types },
    'tokenizer.ggml.bos_token_id': { u32: 1 },
    'tokenizer.ggml.eos_token_id': { u32: 4 },
    'tokenizer.ggml.unknown_token_id': { u32: 0 },
    'tokenizer.ggml.add_bos_token': { bool: false },
  };
  return writeGguf(meta, tensors);
}

/** The file's path, written on first use beside the generated real-size models (outside git). */
export function tinyGgufFile(): string {
  mkdirSync(MODEL_CACHE, { recursive: true });
  const path = join(MODEL_CACHE, 'skein-tiny-test.gguf');
  if (existsSync(path)) return path;
  // Whole or not at all: test workers may ask at the same time.
  const partial = `${path}.${process.pid}`;
  writeFileSync(partial, tinyGguf());
  renameSync(partial, path);
  return path;
}
