/**
 * The tiny test model (see scripts/make-tiny-model.ts): a chat model of a few hundred KB with
 * random weights from a fixed seed, in the files the CPU engine downloads (the ONNX decoder,
 * tokenizer.json, tokenizer_config.json, config.json).
 */
import { decoderOnnx, type DecoderShape } from './onnx';

const N_CTX = 4096;

/** Words the tiny vocabulary has whole (with and without a leading space): common English and French words. */
export const WORDS = [
  ...new Set(
    (
      'the a of to and in is it that for on with as this be at by not are from or have an they ' +
      'we you he she will can thread post reply summary point who says about more one all there ' +
      'le la les de des un une et est en du que qui pour pas sur dans fil résumé point dit ' +
      'wool yarn knit swatch needle block notes big project start first count twice keep'
    ).split(' '),
  ),
];

/** GPT-2's byte-level alphabet: each byte as the printable character tokenizer.json uses. */
function byteChars(): string[] {
  const printable = (b: number) => (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
  let extra = 0;
  return Array.from({ length: 256 }, (_, b) => String.fromCodePoint(printable(b) ? b : 256 + extra++));
}

/** The ChatML control tokens, after the vocabulary. */
const CONTROL = ['<|endoftext|>', '<|im_start|>', '<|im_end|>'];

/**
 * A byte-level BPE vocabulary: every byte, then each word (with and without its space) merged
 * letter by letter, then, up to `size` (control tokens included), merges of pieces already
 * there: the real model's vocabulary size for speed figures.
 */
function bpe(size = 0): { vocab: Record<string, number>; merges: string[]; size: number } {
  const chars = byteChars();
  const vocab: Record<string, number> = {};
  const pieces: string[] = [];
  const add = (piece: string) => {
    vocab[piece] = pieces.length;
    pieces.push(piece);
  };
  chars.forEach(add);
  const merges: string[] = [];
  const merge = (left: string, right: string) => {
    const merged = left + right;
    if (!(merged in vocab)) {
      add(merged);
      merges.push(`${left} ${right}`);
    }
    return merged;
  };
  const enc = (text: string) => [...new TextEncoder().encode(text)].map((b) => chars[b]!);
  for (const word of WORDS.flatMap((w) => [` ${w}`, w])) enc(word).reduce((left, next) => merge(left, next));
  const letters = enc('abcdefghijklmnopqrstuvwxyz ');
  for (let i = 0; pieces.length < size - CONTROL.length; i++) merge(pieces[i]!, letters[i % letters.length]!);
  return { vocab, merges, size: pieces.length + CONTROL.length };
}

/**
 * tokenizer.json and tokenizer_config.json of a ChatML byte-level BPE tokenizer of `size` ids (as few as its words
 * need by default).
 */
export function chatTokenizerFiles(size = 0): {
  tokenizer: object;
  tokenizerConfig: object;
  size: number;
  eos: number;
} {
  const { vocab, merges, size: total } = bpe(size);
  const base = total - CONTROL.length;
  const byteLevel = { add_prefix_space: false, trim_offsets: false, use_regex: true };
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: CONTROL.map((content, i) => ({
      id: base + i,
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: { type: 'NFC' },
    pre_tokenizer: { type: 'ByteLevel', ...byteLevel },
    post_processor: { type: 'ByteLevel', ...byteLevel },
    decoder: { type: 'ByteLevel', ...byteLevel },
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: '',
      end_of_word_suffix: '',
      fuse_unk: false,
      byte_fallback: false,
      vocab,
      merges,
    },
  };
  return {
    tokenizer,
    tokenizerConfig: { clean_up_tokenization_spaces: false, eos_token: '<|im_end|>', model_max_length: N_CTX },
    size: total,
    eos: base + 2,
  };
}

/** config.json of a Qwen2-shaped model. */
export function modelConfig(shape: DecoderShape, eos: number): object {
  return {
    architectures: ['Qwen2ForCausalLM'],
    model_type: 'qwen2',
    hidden_size: shape.embd,
    intermediate_size: shape.ff,
    num_hidden_layers: shape.layers,
    num_attention_heads: shape.heads,
    num_key_value_heads: shape.kvHeads,
    vocab_size: shape.vocab,
    max_position_embeddings: N_CTX,
    eos_token_id: eos,
  };
}

/** The tiny model's shapes: 2 layers, 4 heads sharing 2 key/value heads, as Qwen2 shares them. */
export function tinyShape(): DecoderShape {
  return { embd: 64, ff: 128, layers: 2, heads: 4, kvHeads: 2, vocab: bpe().size };
}

/**
 * The tiny model's files, by path under the model repository's root: the decoder at
 * `onnx/model_quantized.onnx`, as the default CPU model's URL names it.
 */
export function tinyOnnxFiles(seed = 1234): Record<string, Buffer> {
  const { tokenizer, tokenizerConfig, eos } = chatTokenizerFiles();
  const shape = tinyShape();
  const json = (v: unknown) => Buffer.from(JSON.stringify(v));
  return {
    // The random model ends its answer after writing one token in fifteen (never the newline, so
    // a prompt's last token does not end it), instead of running to the token limit: a few
    // words of nonsense.
    'onnx/model_quantized.onnx': Buffer.from(
      decoderOnnx(shape, 'f32', seed, {
        eos,
        tokens: Array.from({ length: eos - 2 }, (_, i) => i).filter((i) => i !== 10 && i % 15 === 7),
      }),
    ),
    'tokenizer.json': json(tokenizer),
    'tokenizer_config.json': json(tokenizerConfig),
    'config.json': json(modelConfig(shape, eos)),
  };
}
