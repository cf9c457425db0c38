/** The tiny test model's shape and contents (see scripts/make-tiny-model.ts). */
import { writeGguf, type MetaValue, type Tensor } from './gguf';

const N_EMBD = 64;
const N_FF = 128;
const N_LAYER = 2;
const N_HEAD = 4;
const N_CTX = 4096;

/** Word pieces after the control and byte tokens: common English and French words, once each. */
const WORDS = [...new Set((
  'the a of to and in is it that for on with as this be at by not are from or have an they ' +
  'we you he she will can thread post reply summary point who says about more one all there ' +
  'le la les de des un une et est en du que qui pour pas sur dans fil résumé point dit ' +
  'wool yarn knit swatch needle block notes big project start first count twice keep'
).split(' '))];

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The model's vocabulary, scores and token types (SentencePiece-style, llama tokenizer). */
export function tinyVocab(): { tokens: string[]; scores: number[]; types: number[] } {
  const tokens = ['<unk>', '<s>', '</s>'];
  const types = [2, 3, 3]; // unknown, control, control
  for (let b = 0; b < 256; b++) {
    tokens.push(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`);
    types.push(6); // byte
  }
  for (const w of ['▁', ...WORDS.map((w) => `▁${w}`)]) {
    tokens.push(w);
    types.push(1); // normal
  }
  const scores = tokens.map((_, i) => (i < 259 ? 0 : -i));
  return { tokens, scores, types };
}

/** The GGUF bytes of the tiny chat model. */
export function tinyChatModel(seed = 1234): Buffer {
  const { tokens, scores, types } = tinyVocab();
  const vocab = tokens.length;
  const random = rng(seed);
  const tensor = (name: string, dims: number[], scale = 0.08, fill?: number): Tensor => {
    const data = new Float32Array(dims.reduce((a, b) => a * b, 1));
    for (let i = 0; i < data.length; i++) data[i] = fill ?? (random() * 2 - 1) * scale;
    return { name, dims, data };
  };
  const tensors: Tensor[] = [tensor('token_embd.weight', [N_EMBD, vocab], 0.5)];
  for (let l = 0; l < N_LAYER; l++) {
    tensors.push(
      tensor(`blk.${l}.attn_norm.weight`, [N_EMBD], 0, 1),
      tensor(`blk.${l}.attn_q.weight`, [N_EMBD, N_EMBD]),
      tensor(`blk.${l}.attn_k.weight`, [N_EMBD, N_EMBD]),
      tensor(`blk.${l}.attn_v.weight`, [N_EMBD, N_EMBD]),
      tensor(`blk.${l}.attn_output.weight`, [N_EMBD, N_EMBD]),
      tensor(`blk.${l}.ffn_norm.weight`, [N_EMBD], 0, 1),
      tensor(`blk.${l}.ffn_gate.weight`, [N_EMBD, N_FF]),
      tensor(`blk.${l}.ffn_up.weight`, [N_EMBD, N_FF]),
      tensor(`blk.${l}.ffn_down.weight`, [N_FF, N_EMBD]),
    );
  }
  tensors.push(tensor('output_norm.weight', [N_EMBD], 0, 1), tensor('output.weight', [N_EMBD, vocab], 0.5));
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
    'llama.vocab_size': { u32: vocab },
    'tokenizer.ggml.model': { str: 'llama' },
    'tokenizer.ggml.tokens': { strs: tokens },
    'tokenizer.ggml.scores': { f32s: scores },
    'tokenizer.ggml.token_type': { i32s: types },
    'tokenizer.ggml.bos_token_id': { u32: 1 },
    'tokenizer.ggml.eos_token_id': { u32: 2 },
    'tokenizer.ggml.unknown_token_id': { u32: 0 },
    'tokenizer.ggml.add_bos_token': { bool: true },
    'tokenizer.chat_template': {
      str: "{% for message in messages %}<|{{ message['role'] }}|>\n{{ message['content'] }}\n{% endfor %}{% if add_generation_prompt %}<|assistant|>\n{% endif %}",
    },
  };
  return writeGguf(meta, tensors);
}
