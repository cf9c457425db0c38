/**
 * The CPU engine's tokenizer: the model's own `tokenizer.json` (Hugging Face's tokenizers.js
 * reads it), and the ChatML turns of the models Skein offers.
 *
 * Control tokens never come from text. Post text, names and questions are untrusted, and a
 * post that contains `<|im_end|>` or `<|im_start|>system` must not end its turn or open a
 * new one. So text is encoded by a tokenizer that does not know the added tokens (they come
 * out as ordinary pieces such as `<|`, `im`, `_end`, `|>`), and the turn markers are put in
 * by id.
 */
import { Tokenizer } from '@huggingface/tokenizers';
import type { ChatMessage } from './engine';

/** The tokenizer files of a model: tokenizer.json and tokenizer_config.json, parsed. */
export interface TokenizerFiles {
  tokenizer: { added_tokens?: { id: number; content: string; special?: boolean }[] } & Record<string, unknown>;
  config: Record<string, unknown>;
}

/** Turns text into ids and back, and lays out a chat. */
export class ChatTokenizer {
  private readonly text: Tokenizer;
  private readonly start: number;
  private readonly end: number;
  /** Ids that end an answer: the turn's end and the text's end. */
  readonly stopIds: number[];
  private readonly controlIds: Set<number>;

  constructor(files: TokenizerFiles) {
    const added = files.tokenizer.added_tokens ?? [];
    const id = (content: string) => added.find((t) => t.content === content)?.id;
    const start = id('<|im_start|>');
    const end = id('<|im_end|>');
    if (start == null || end == null) throw new Error('This model does not use the chat format Skein writes (ChatML).');
    this.start = start;
    this.end = end;
    this.stopIds = [end, ...[id('<|endoftext|>')].filter((x): x is number => x != null)];
    this.controlIds = new Set(added.filter((t) => t.special !== false).map((t) => t.id));
    this.text = new Tokenizer({ ...files.tokenizer, added_tokens: [] }, files.config);
  }

  /** The ids of `text` as plain text (never control tokens). */
  encode(text: string): number[] {
    return text ? this.text.encode(text, { add_special_tokens: false }).ids : [];
  }

  /** How many tokens `text` takes. */
  count(text: string): number {
    return this.encode(text).length;
  }

  /** A chat as the model reads it, ending where the assistant's answer begins. */
  encodeChat(messages: ChatMessage[]): number[] {
    const nl = this.encode('\n');
    const ids: number[] = [];
    for (const m of messages) ids.push(this.start, ...this.encode(`${m.role}\n${m.content}`), this.end, ...nl);
    ids.push(this.start, ...this.encode('assistant\n'));
    return ids;
  }

  /** Text of generated ids, control tokens left out. */
  decode(ids: number[]): string {
    const plain = ids.filter((i) => !this.controlIds.has(i));
    return plain.length ? this.text.decode(plain, { clean_up_tokenization_spaces: false }) : '';
  }

  /**
   * A decoder for a stream of ids: each `push` returns the new text. A character split over
   * several byte tokens is held back until it is whole; `flush` returns what is left at the
   * end (bytes that never formed a character come out as U+FFFD). Each push decodes only the
   * ids since the last whole character, with the one before as context (a tokenizer may join
   * pieces differently at the start of a text), so a long answer costs the same per token.
   */
  stream(): { push(id: number): string; flush(): string } {
    let context: number[] = [];
    let pending: number[] = [];
    const take = (held: boolean) => {
      if (!pending.length) return '';
      const before = this.decode(context);
      const text = this.decode([...context, ...pending]);
      if (held && text.endsWith('\ufffd')) return '';
      context = pending.slice(-1);
      pending = [];
      return text.slice(before.length);
    };
    return {
      push: (id) => {
        pending.push(id);
        return take(true);
      },
      flush: () => take(false),
    };
  }
}
