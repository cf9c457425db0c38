/**
 * The strings Skein shows inside the sites' pages, in English and French: the part of the
 * interface tables a content script needs, so each site's script stays small.
 */
import { inlineEn, type InlineKey } from './inline-en';
import { inlineFr } from './inline-fr';
import { currentLanguage, fill, formatNumber, pluralForm, type UiLanguage } from './core';

export type { InlineKey } from './inline-en';
export * from './core';

const TABLES: Record<UiLanguage, Record<InlineKey, string>> = { en: inlineEn, fr: inlineFr };

/** A translated in-page string with `{name}` placeholders filled in. Values are inserted as text. */
export function t(
  key: InlineKey,
  values: Record<string, string | number> = {},
  lang: UiLanguage = currentLanguage(),
): string {
  return fill(TABLES[lang][key], values);
}

/** A counted in-page message in the language's plural form: `${key}.one` or `${key}.other`. */
export function tc(
  key: string,
  count: number,
  values: Record<string, string | number> = {},
  lang: UiLanguage = currentLanguage(),
): string {
  return t(`${key}.${pluralForm(count, lang)}` as InlineKey, { ...values, count: formatNumber(count, lang) }, lang);
}
