/**
 * The interface language, and how numbers, sizes and durations are written in it: shared by the
 * full string tables (./index.ts) and the in-page ones (./inline.ts). The language follows the
 * browser unless the user picks one.
 */

/** The interface languages Skein has. */
export type UiLanguage = 'en' | 'fr';

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

/** A template with its `{name}` placeholders filled in. Values are inserted as text. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
}

/**
 * The plural form for a count: `one` or `other` (chosen by Intl.PluralRules: French says
 * "1 post" and "0 post" in the singular, English "0 posts").
 */
export function pluralForm(count: number, lang: UiLanguage): 'one' | 'other' {
  return new Intl.PluralRules(lang).select(count) === 'one' ? 'one' : 'other';
}

/** Translating with one set of tables: `t` for a key, `tc` for a counted message. */
export function translator<K extends string>(tables: Record<UiLanguage, Record<K, string>>) {
  /** A translated string with `{name}` placeholders filled in. Values are inserted as text. */
  const t = (key: K, values: Record<string, string | number> = {}, lang: UiLanguage = currentLanguage()): string =>
    fill(tables[lang][key], values);
  /** A counted message in the language's plural form: `${key}.one` or `${key}.other`. */
  const tc = (
    key: string,
    count: number,
    values: Record<string, string | number> = {},
    lang: UiLanguage = currentLanguage(),
  ): string => t(`${key}.${pluralForm(count, lang)}` as K, { ...values, count: formatNumber(count, lang) }, lang);
  return { t, tc };
}
