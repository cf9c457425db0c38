import { useEffect, useRef, useState } from 'react';
import { getSettings, settingsItem } from '@/utils/settings';
import type { Settings } from '@/utils/settings-schema';
import { setUiLanguage } from '@/utils/i18n';

/**
 * The settings, live, with a function to change some of them. Applies the interface language
 * so every `t()` on the page follows it.
 */
export function useSettings(): [Settings | null, (patch: Partial<Settings>) => Promise<void>] {
  const [settings, setSettings] = useState<Settings | null>(null);
  const latest = useRef<Settings | null>(null);
  const show = (s: Settings) => {
    latest.current = s;
    document.documentElement.lang = setUiLanguage(s.uiLanguage);
    setSettings(s);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: one watch for the component's life.
  useEffect(() => {
    void getSettings().then(show);
    return settingsItem.watch(() => void getSettings().then(show));
  }, []);
  const update = async (patch: Partial<Settings>) => {
    // Shown at once, in the same event (a controlled control never flickers back); stored after.
    const next = { ...(latest.current ?? (await getSettings())), ...patch };
    show(next);
    await settingsItem.setValue(next);
  };
  return [settings, update];
}
