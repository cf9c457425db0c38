/** The user's settings, in extension storage with defaults. */
import { storage } from '#imports';

/** Which engine runs the model: automatic picks WebGPU where the browser has it, else CPU. */
export type EngineSetting = 'auto' | 'webgpu' | 'cpu' | 'scripted';

export interface Settings {
  engine: EngineSetting;
  cpuModelId: string;
  /** BCP 47 tag, or 'auto' for the browser's language. */
  outputLanguage: string;
  /** The scripted engine's reply (tests and demos only; not offered in the interface). */
  scriptedReply: string;
}

export const DEFAULT_SETTINGS: Settings = {
  engine: 'auto',
  cpuModelId: 'qwen2.5-0.5b-instruct-q4_k_m',
  outputLanguage: 'auto',
  scriptedReply: '',
};

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
