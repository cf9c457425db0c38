/** The user's settings, in extension storage with defaults. */
import { storage } from '#imports';

import { DEFAULT_SETTINGS, type Settings } from './settings-schema';

// Settings, EngineSetting and DEFAULT_SETTINGS are exported by settings-schema.ts alone: WXT
// auto-imports utils/, and two exports of one name make every build warn.

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** The settings with defaults filled in for keys an older version did not have. */
export async function getSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}

/** The output language to ask for: the setting, or the browser's language. */
export function outputLanguage(settings: Settings, browserLanguage: string): string {
  return settings.outputLanguage === 'auto' ? browserLanguage : settings.outputLanguage;
}
