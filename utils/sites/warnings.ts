/**
 * What the page reader warns about, by code and count. The snapshot carries each warning as an
 * English sentence (the snapshot contract, read by other tools); the surfaces read the code
 * and count back from it and say it in the interface's language.
 */
import { t, tc } from '../i18n/inline';

/** Every warning the readers give. */
export type WarningCode =
  | 'loading'
  | 'noPosts'
  | 'unreadable'
  | 'partial'
  | 'focusMissing'
  | 'duplicates'
  | 'anonymous'
  | 'notMastodon';

const posts = (n: number) => `${n} ${n === 1 ? 'post' : 'posts'}`;

/** The English sentence of each warning, as the snapshot carries it. */
const ENGLISH: Record<WarningCode, (n: number) => string> = {
  loading: () => 'The page is still loading.',
  noPosts: () => 'No posts found on this page.',
  unreadable: (n) => `${posts(n)} could not be read: the site may have changed its layout.`,
  partial: (n) => `${posts(n)} ${n === 1 ? 'was' : 'were'} read only in part.`,
  focusMissing: () => 'The post this page points to is not on the page.',
  duplicates: (n) =>
    `${n} repeated ${n === 1 ? 'post left out: the page shows it' : 'posts left out: the page shows them'} ` +
    `more than once.`,
  anonymous: (n) => `${posts(n)} left out: ${n === 1 ? 'its' : 'their'} author could not be read.`,
  notMastodon: () => 'This page does not look like Mastodon: Skein reads Mastodon pages only.',
};

/** A warning's sentence for the snapshot. */
export function warning(code: WarningCode, count = 0): string {
  return ENGLISH[code](count);
}

/** The code and count of a snapshot's warning; null for a sentence no reader writes. */
export function readWarning(text: string): { code: WarningCode; count: number } | null {
  const count = Number(/^\d+/.exec(text)?.[0] ?? 0);
  for (const code of Object.keys(ENGLISH) as WarningCode[]) if (ENGLISH[code](count) === text) return { code, count };
  return null;
}

/** A reader's warning in the interface's language (kept as written when no reader wrote it). */
export function warningText(text: string): string {
  const read = readWarning(text);
  if (!read) return text;
  return read.code === 'loading' ||
    read.code === 'noPosts' ||
    read.code === 'focusMissing' ||
    read.code === 'notMastodon'
    ? t(`warning.${read.code}`)
    : tc(`warning.${read.code}`, read.count);
}
