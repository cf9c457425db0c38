/**
 * Interface strings in English and French, for Skein's own pages (panel, popup, options) and
 * the background. The sites' pages use ./inline.ts, a part of these tables.
 */
import { en, type MessageKey } from './en';
import { fr } from './fr';
import { currentLanguage, fill, formatNumber, pluralForm, type UiLanguage } from './core';

export type { MessageKey } from './en';
export * from './core';

const TABLES: Record<UiLanguage, Record<MessageKey, string>> = { en, fr };

/** A translated string with `{name}` placeholders filled in. Values are inserted as text. */
export function t(
  key: MessageKey,
  values: Record<string, string | number> = {},
  lang: UiLanguage = currentLanguage(),
): string {
  return fill(TABLES[lang][key], values);
}

/** A counted message in the language's plural form: `${key}.one` or `${key}.other`. */
export function tc(
  key: string,
  count: number,
  values: Record<string, string | number> = {},
  lang: UiLanguage = currentLanguage(),
): string {
  return t(`${key}.${pluralForm(count, lang)}` as MessageKey, { ...values, count: formatNumber(count, lang) }, lang);
}
