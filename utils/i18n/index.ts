/**
 * Interface strings in English and French, for Skein's own pages (panel, popup, options) and
 * the background. The sites' pages use ./inline.ts, a part of these tables.
 */
import { en, type MessageKey } from './en';
import { fr } from './fr';
import { translator } from './core';

export type { MessageKey } from './en';
export * from './core';

/** `t(key, values?, lang?)`: a string; `tc(key, count, values?, lang?)`: a counted message. */
export const { t, tc } = translator<MessageKey>({ en, fr });
