/** The shape and defaults of the user's settings (no storage here: tests and tools import it). */

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
