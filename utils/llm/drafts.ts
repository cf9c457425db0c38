/**
 * Reply drafts: the tones and lengths a user picks from, the prompt for each of the three
 * variants, and the text format the variants travel in (one string, so the job queue, the
 * cache and the history keep them like any other result).
 */
import type { ChatMessage } from './engine';
import { fence, onThread, systemPrompt } from './prompts';
import { cleanNote, styleNoteBlock, VOICE_TASK } from './voice';

/** The intents a reply can take. */
export const TONES = ['agree', 'question', 'disagree', 'witty', 'supportive', 'professional'] as const;
export type Tone = (typeof TONES)[number];

/** How long a reply may be. */
export const LENGTHS = ['short', 'medium', 'long'] as const;
export type DraftLength = (typeof LENGTHS)[number];

/**
 * What the site's box takes: X 280 characters, Bluesky 300 graphemes, a Mastodon server its own
 * limit, Reddit 10,000; and whether a reply there is a comment that may run to paragraphs
 * (Reddit) rather than a one-liner.
 */
export interface DraftLimit {
  /** The most characters (graphemes where `graphemes`) the site takes. */
  max: number;
  /** The site counts user-perceived characters (Bluesky), not UTF-16 code units. */
  graphemes: boolean;
  /** Replies there are comments: longer, in paragraphs. */
  comment: boolean;
  /** The site counts every link as this many characters, however long it is (Mastodon: 23). */
  linkChars?: number;
}

/** X's limit, the default for a draft whose site said nothing. */
export const X_LIMIT: DraftLimit = { max: 280, graphemes: false, comment: false };

/** The bounds a site's limit is taken within (a request's limit is untrusted). */
const LIMIT_RANGE = { min: 50, max: 10_000 };

/** What the user asked of the draft. */
export interface DraftOptions {
  tone: Tone;
  length: DraftLength;
  /** The user's own words ("mention the pattern's name"); may be empty. */
  instruction: string;
  /** What the site's box takes; X's when absent. */
  limit?: DraftLimit;
  /** In the user's own voice: their style note goes with the request, when they have one. */
  voice?: boolean;
}

/** How many variants a draft job writes. */
export const VARIANT_COUNT = 3;

/** Between two variants in a draft's text. A line of its own that replies do not contain. */
export const VARIANT_BREAK = '\n\n⸻\n\n';

/** The longest instruction kept (it goes into the prompt). */
export const MAX_INSTRUCTION = 300;

/** The most characters a post of each length should have: a long one fills the site's box. */
const POST_LENGTH: Record<DraftLength, number> = { short: 100, medium: 180, long: Number.POSITIVE_INFINITY };

/** The most characters a comment (Reddit) of each length should have. */
const COMMENT_LENGTH: Record<DraftLength, number> = { short: 300, medium: 700, long: 1500 };

/** The most characters a draft of this length should have on a site with this limit. */
export function lengthLimit(length: DraftLength, limit: DraftLimit = X_LIMIT): number {
  return Math.min((limit.comment ? COMMENT_LENGTH : POST_LENGTH)[length], limit.max);
}

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
    limit: limitFrom(v.limit),
    ...(v.voice === true ? { voice: true } : {}),
  };
}

/** A site's limit from an untrusted message: none when absent, X's unless a whole number in range. */
function limitFrom(value: unknown): DraftLimit | undefined {
  if (value === undefined) return undefined;
  const v = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof DraftLimit, unknown>>;
  const max = v.max;
  if (typeof max !== 'number' || !Number.isInteger(max) || max < LIMIT_RANGE.min || max > LIMIT_RANGE.max)
    return X_LIMIT;
  const link = v.linkChars;
  const linkChars = typeof link === 'number' && Number.isInteger(link) && link > 0 && link <= 100 ? link : undefined;
  return { max, graphemes: v.graphemes === true, comment: v.comment === true, ...(linkChars ? { linkChars } : {}) };
}

/**
 * The messages for one variant of a reply to post [focus] of `block` (the numbered thread),
 * or of a new post when there is no thread (the home composer); with the user's style `note`,
 * in their voice.
 */
export function draftMessages(
  block: string | null,
  focus: number,
  lang: string,
  options: DraftOptions,
  variant = 0,
  note?: string,
): ChatMessage[] {
  const site = options.limit ?? X_LIMIT;
  const limit = lengthLimit(options.length, site);
  const instruction = options.instruction ? ` The user asks: “${fence(options.instruction)}”.` : '';
  const what = site.comment ? 'comment' : block ? 'reply' : 'post';
  const form = site.comment ? ' It is a comment in a forum discussion: it may run to a few short paragraphs.' : '';
  const task =
    `Draft ${block ? `a ${site.comment ? 'comment' : 'reply'} to post [${focus}]` : 'a social media post'} ` +
    `for the user, who will edit and post it themselves. ` +
    `${block ? TONE_HINT[options.tone] : ''}${instruction}${form}${VARIANT_HINT[variant % VARIANT_HINT.length]} ` +
    `Write only the text of the ${what}, under ${limit} characters, without quotes, hashtags or citations.`;
  const plain = task.replace(/\s+/g, ' ').trim();
  // The note, as data, before the task that says how to read it.
  const ask = note && cleanNote(note) ? `${styleNoteBlock(note)}\n\n${plain} ${VOICE_TASK}` : plain;
  // After the thread, like every job on it, so the engine reuses what it read for the summary.
  return block
    ? onThread(block, lang, ask)
    : [
        { role: 'system', content: systemPrompt(lang) },
        { role: 'user', content: ask },
      ];
}

/**
 * A finished variant as the user gets it: trimmed, without the quotes models wrap it in, and
 * within the site's limit (a model does not count characters reliably).
 */
export function cleanDraft(text: string, limit: DraftLimit = X_LIMIT): string {
  const trimmed = text.trim();
  const quoted = /^["“«]\s*([\s\S]*?)\s*["”»]$/.exec(trimmed);
  return fitDraft(quoted ? quoted[1]! : trimmed, limit);
}

/** A link, as sites that count links alike find them. */
const LINK = /https?:\/\/[^\s<>"]+/g;

/** `text` in the pieces the site counts (characters or graphemes, and whole links), with their weight. */
function pieces(text: string, limit: DraftLimit): { piece: string; weight: number }[] {
  const chars = (part: string) =>
    limit.graphemes
      ? Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(part), (s) => s.segment)
      : part.split('');
  if (!limit.linkChars) return chars(text).map((piece) => ({ piece, weight: 1 }));
  const out: { piece: string; weight: number }[] = [];
  let at = 0;
  for (const link of text.matchAll(LINK)) {
    for (const piece of chars(text.slice(at, link.index))) out.push({ piece, weight: 1 });
    out.push({ piece: link[0], weight: limit.linkChars });
    at = link.index + link[0].length;
  }
  for (const piece of chars(text.slice(at))) out.push({ piece, weight: 1 });
  return out;
}

/** How long `text` is as the site counts it. */
export function siteLength(text: string, limit: DraftLimit): number {
  return pieces(text, limit).reduce((sum, p) => sum + p.weight, 0);
}

/**
 * `text` cut to fit the site's box: at the last sentence's end that fits, else at the last
 * word, with an ellipsis. Never cuts inside a character the site counts as one (an emoji), nor
 * inside a link.
 */
export function fitDraft(text: string, limit: DraftLimit): string {
  const all = pieces(text, limit);
  if (all.reduce((sum, p) => sum + p.weight, 0) <= limit.max) return text;
  /** The longest start of `text` within `budget`. */
  const within = (budget: number) => {
    let used = 0;
    let out = '';
    for (const { piece, weight } of all) {
      if (used + weight > budget) break;
      used += weight;
      out += piece;
    }
    return out;
  };
  const head = within(limit.max);
  const sentence = /^[\s\S]*[.!?…](?=\s)/.exec(`${head} `)?.[0] ?? '';
  // A sentence end in the first half would throw away most of the draft: cut at a word instead.
  if (sentence.length >= head.length / 2) return sentence.trim();
  const words = within(limit.max - 1);
  const cut = words.replace(/\s+\S*$/, '');
  return `${(cut.length >= words.length / 2 ? cut : words).trimEnd()}…`;
}

/** The variants in a draft's text (also while it streams: the last may be partial). */
export function splitVariants(text: string): string[] {
  if (!text.trim()) return [];
  return text.split(/\s*⸻\s*/).map((v) => v.trim());
}

/** Joins finished variants into a draft's text. */
export const joinVariants = (variants: string[]) => variants.join(VARIANT_BREAK);
