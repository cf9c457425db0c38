/**
 * The tiny test model (see scripts/make-tiny-model.ts): a chat model of a few hundred KB with
 * random weights from a fixed seed, in the files the CPU engine downloads (the ONNX decoder,
 * tokenizer.json, tokenizer_config.json, config.json), and the same model as GGUF for the
 * previous engine's figures.
 */
import { writeGguf, type MetaValue, type Tensor } from './gguf';
import { decoderOnnx, type DecoderShape } from './onnx';

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

/** GPT-2's byte-level alphabet: each byte as the printable character tokenizer.json uses. */
function byteChars(): string[] {
  const printable = (b: number) => (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
  let extra = 0;
  return Array.from({ length: 256 }, (_, b) => String.fromCodePoint(printable(b) ? b : 256 + extra++));
}

/** The ChatML control tokens, after the vocabulary. */
const CONTROL = ['<|endoftext|>', '<|im_start|>', '<|im_end|>'];

/** A byte-level BPE vocabulary: every byte, then each word (with and without its space) merged letter by letter. */
function tinyBpe(): { vocab: Record<string, number>; merges: string[]; size: number } {
  const chars = byteChars();
  const vocab: Record<string, number> = {};
  chars.forEach((c, i) => (vocab[c] = i));
  const merges: string[] = [];
  const enc = (text: string) => [...new TextEncoder().encode(text)].map((b) => chars[b]!);
  for (const word of WORDS.flatMap((w) => [` ${w}`, w])) {
    const pieces = enc(word);
    let left = pieces[0]!;
    for (const next of pieces.slice(1)) {
      const merged = left + next;
      if (!(merged in vocab)) {
        vocab[merged] = Object.keys(vocab).length;
        merges.push(`${left} ${next}`);
      }
      left = merged;
    }
  }
  return { vocab, merges, size: Object.keys(vocab).length + CONTROL.length };
}

/** The tiny model's shapes: 2 layers, 4 heads sharing 2 key/value heads, as Qwen2 shares them. */
export function tinyShape(): DecoderShape {
  return { embd: 64, ff: 128, layers: 2, heads: 4, kvHeads: 2, vocab: tinyBpe().size };
}

/**
 * The tiny model's files, by path under the model repository's root: the decoder at
 * `onnx/model_quantized.onnx`, as the default CPU model's URL names it.
 */
export function tinyOnnxFiles(seed = 1234): Record<string, Buffer> {
  const { vocab, merges, size } = tinyBpe();
  const shape = tinyShape();
  const base = size - CONTROL.length;
  const byteLevel = { add_prefix_space: false, trim_offsets: false, use_regex: true };
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: CONTROL.map((content, i) => ({ id: base + i, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
    normalizer: { type: 'NFC' },
    pre_tokenizer: { type: 'ByteLevel', ...byteLevel },
    post_processor: { type: 'ByteLevel', ...byteLevel },
    decoder: { type: 'ByteLevel', ...byteLevel },
    model: { type: 'BPE', dropout: null, unk_token: null, continuing_subword_prefix: '', end_of_word_suffix: '', fuse_unk: false, byte_fallback: false, vocab, merges },
  };
  const config = {
    architectures: ['Qwen2ForCausalLM'],
    model_type: 'qwen2',
    hidden_size: shape.embd,
    intermediate_size: shape.ff,
    num_hidden_layers: shape.layers,
    num_attention_heads: shape.heads,
    num_key_value_heads: shape.kvHeads,
    vocab_size: size,
    max_position_embeddings: N_CTX,
    eos_token_id: base + 2,
  };
  const json = (v: unknown) => Buffer.from(JSON.stringify(v));
  return {
    // The random model ends its answer after writing one token in fifteen (never the newline, so
    // a prompt's last token does not end it), instead of running to the token limit: a few
    // words of nonsense.
    'onnx/model_quantized.onnx': Buffer.from(decoderOnnx(shape, 'f32', seed, { eos: base + 2, tokens: Array.from({ length: base }, (_, i) => i).filter((i) => i !== 10 && i % 15 === 7) })),
    'tokenizer.json': json(tokenizer),
    'tokenizer_config.json': json({ clean_up_tokenization_spaces: false, eos_token: '<|im_end|>', model_max_length: N_CTX }),
    'config.json': json(config),
  };
}
