/**
 * The strings Skein shows inside the sites' pages, in English and French: the part of the
 * interface tables a content script needs, so each site's script stays small.
 */
import { inlineEn, type InlineKey } from './inline-en';
import { inlineFr } from './inline-fr';
import { translator } from './core';

export type { InlineKey } from './inline-en';
export * from './core';

/** `t(key, values?, lang?)`: an in-page string; `tc(key, count, values?, lang?)`: a counted one. */
export const { t, tc } = translator<InlineKey>({ en: inlineEn, fr: inlineFr });
