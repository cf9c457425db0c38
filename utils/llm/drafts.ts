/**
 * Reply drafts: the tones and lengths a user picks from, the prompt for each of the three
 * variants, and the text format the variants travel in (one string, so the job queue, the
 * cache and the history keep them like any other result).
 */
import type { ChatMessage } from './engine';
import { fence, onThread, systemPrompt } from './prompts';

/** The intents a reply can take. */
export const TONES = ['agree', 'question', 'disagree', 'witty', 'supportive', 'professional'] as const;
export type Tone = (typeof TONES)[number];

/** How long a reply may be. */
export const LENGTHS = ['short', 'medium', 'long'] as const;
export type DraftLength = (typeof LENGTHS)[number];

/** What the user asked of the draft. */
export interface DraftOptions {
  tone: Tone;
  length: DraftLength;
  /** The user's own words ("mention the pattern's name"); may be empty. */
  instruction: string;
}

/** How many variants a draft job writes. */
export const VARIANT_COUNT = 3;

/** Between two variants in a draft's text. A line of its own that replies do not contain. */
export const VARIANT_BREAK = '\n\n⸻\n\n';

/** The longest instruction kept (it goes into the prompt). */
export const MAX_INSTRUCTION = 300;

/** The most characters a reply of each length should have. X allows 280. */
export const LENGTH_LIMIT: Record<DraftLength, number> = { short: 100, medium: 180, long: 280 };

const TONE_HINT: Record<Tone, string> = {
  agree: 'Agree with the post and add something of your own to it.',
  question: 'Ask the author one genuine, specific question about the post.',
  disagree: 'Disagree politely: acknowledge the point, then give a reason for another view.',
  witty: 'Be witty and light, never mean.',
  supportive: 'Be warm and supportive.',
  professional: 'Be professional, precise and courteous.',
};

/** Each variant takes another approach, so the three are worth choosing between. */
const VARIANT_HINT = [
  '',
  ' Take a different angle from the most obvious reply.',
  ' Open differently and keep it especially concise.',
];

/** The default draft options. */
export const DEFAULT_DRAFT: DraftOptions = { tone: 'agree', length: 'medium', instruction: '' };

/**
 * Draft options from an untrusted message: unknown tones and lengths fall back to the
 * defaults, and the instruction is cut to {@link MAX_INSTRUCTION} characters.
 */
export function draftOptionsFrom(value: unknown, fallback: DraftOptions = DEFAULT_DRAFT): DraftOptions {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof DraftOptions, unknown>>;
  return {
    tone: TONES.includes(v.tone as Tone) ? (v.tone as Tone) : fallback.tone,
    length: LENGTHS.includes(v.length as DraftLength) ? (v.length as DraftLength) : fallback.length,
    instruction: typeof v.instruction === 'string' ? v.instruction.trim().slice(0, MAX_INSTRUCTION) : '',
  };
}

/**
 * The messages for one variant of a reply to post [focus] of `block` (the numbered thread),
 * or of a new post when there is no thread (the home composer).
 */
export function draftMessages(
  block: string | null,
  focus: number,
  lang: string,
  options: DraftOptions,
  variant = 0,
): ChatMessage[] {
  const limit = LENGTH_LIMIT[options.length];
  const instruction = options.instruction ? ` The user asks: “${fence(options.instruction)}”.` : '';
  const what = block ? 'reply' : 'post';
  const task =
    `Draft ${block ? `a reply to post [${focus}]` : 'a social media post'} for the user, who will edit and ` +
    `post it themselves. ` +
    `${block ? TONE_HINT[options.tone] : ''}${instruction}${VARIANT_HINT[variant % VARIANT_HINT.length]} ` +
    `Write only the text of the ${what}, under ${limit} characters, without quotes, hashtags or citations.`;
  const ask = task.replace(/\s+/g, ' ').trim();
  // After the thread, like every job on it, so the engine reuses what it read for the summary.
  return block
    ? onThread(block, lang, ask)
    : [
        { role: 'system', content: systemPrompt(lang) },
        { role: 'user', content: ask },
      ];
}

/** A finished variant as the user gets it: trimmed, without the quotes models wrap it in. */
export function cleanDraft(text: string): string {
  const trimmed = text.trim();
  const quoted = /^["“«]\s*([\s\S]*?)\s*["”»]$/.exec(trimmed);
  return quoted ? quoted[1]! : trimmed;
}

/** The variants in a draft's text (also while it streams: the last may be partial). */
export function splitVariants(text: string): string[] {
  if (!text.trim()) return [];
  return text.split(/\s*⸻\s*/).map((v) => v.trim());
}

/** Joins finished variants into a draft's text. */
export const joinVariants = (variants: string[]) => variants.join(VARIANT_BREAK);
