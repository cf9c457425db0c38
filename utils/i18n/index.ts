/**
 * Interface strings in English and French. The language follows the browser unless the user
 * picks one; every surface (page buttons, panel, popup, options) reads from here.
 */

import { en, type MessageKey } from './en';
import { fr } from './fr';

export type { MessageKey } from './en';

/** The interface languages Skein has. */
export type UiLanguage = 'en' | 'fr';

const TABLES: Record<UiLanguage, Record<MessageKey, string>> = { en, fr };

/** The interface language for a BCP 47 tag: French for any `fr-*`, English otherwise. */
export function uiLanguageFor(tag: string | undefined | null): UiLanguage {
  return tag?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** The browser's language, where the context has one. */
export function browserLanguage(): UiLanguage {
  return uiLanguageFor(typeof navigator === 'undefined' ? 'en' : navigator.language);
}

let chosen: UiLanguage | null = null;

/** Applies the interface-language setting ('auto' follows the browser) to this page. */
export function setUiLanguage(setting: 'auto' | UiLanguage): UiLanguage {
  chosen = setting === 'auto' ? null : setting;
  return currentLanguage();
}

/** The interface language in force on this page. */
export function currentLanguage(): UiLanguage {
  return chosen ?? browserLanguage();
}

/** A translated string with `{name}` placeholders filled in. Values are inserted as text. */
export function t(
  key: MessageKey,
  values: Record<string, string | number> = {},
  lang: UiLanguage = currentLanguage(),
): string {
  return TABLES[lang][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
}

/** A speed or a count as the interface language writes it ("7.5", « 7,5 », "1,234"). */
export function formatNumber(value: number, lang: UiLanguage = currentLanguage()): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}

/** A size in megabytes as the interface language writes it ("398 MB", « 398 Mo »). */
export function formatSize(bytes: number, lang: UiLanguage = currentLanguage()): string {
  const mb = bytes / 1_048_576;
  return new Intl.NumberFormat(lang, {
    style: 'unit',
    unit: 'megabyte',
    maximumFractionDigits: mb < 10 ? 1 : 0,
  }).format(mb);
}

/** A range of sizes ("376–580 MB"). */
export function formatSizeRange(from: number, to: number, lang: UiLanguage = currentLanguage()): string {
  const low = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(from / 1_048_576);
  return `${low}–${formatSize(to, lang)}`;
}

/** A duration as the interface language writes it: seconds under 90 s, else minutes ("45 s", "3 min"). */
export function formatDuration(seconds: number, lang: UiLanguage = currentLanguage()): string {
  const [value, unit] =
    seconds < 90 ? [Math.max(1, Math.round(seconds)), 'second'] : [Math.round(seconds / 60), 'minute'];
  return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short' }).format(value);
}

/**
 * A counted message in the language's plural form: `${key}.one` or `${key}.other` (chosen by
 * Intl.PluralRules: French says "1 post" and "0 post" in the singular, English "0 posts").
 */
export function tc(
  key: string,
  count: number,
  values: Record<string, string | number> = {},
  lang: UiLanguage = currentLanguage(),
): string {
  const form = new Intl.PluralRules(lang).select(count) === 'one' ? 'one' : 'other';
  return t(`${key}.${form}` as MessageKey, { ...values, count: formatNumber(count, lang) }, lang);
}
