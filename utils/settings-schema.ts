/** The shape and defaults of the user's settings (no storage here: tests and tools import it). */
import type { Tone } from './llm/drafts';

/**
 * Which engine runs the model: automatic picks Chrome's built-in model where Chrome has it
 * ready, else WebGPU where the browser has it, else CPU; `server` is the user's own model
 * server; `builtin` is Chrome's model (never in Firefox).
 */
export type EngineSetting = 'auto' | 'webgpu' | 'cpu' | 'server' | 'builtin';

export interface Settings {
  engine: EngineSetting;
  cpuModelId: string;
  /** The WebGPU model family; the f16 or f32 variant follows the GPU. */
  webgpuModelId: string;
  /** Where web-llm's model libraries come from (a store build points this at its own copy). */
  webgpuLibBase: string;
  /** BCP 47 tag, or 'auto' for the browser's language. */
  outputLanguage: string;
  /** The interface language: 'auto' follows the browser. */
  uiLanguage: 'auto' | 'en' | 'fr';
  /** The tone the reply bar starts with. */
  defaultTone: Tone;
  /** "Your own server": its API's root (`http://localhost:11434/v1`), '' when none. */
  serverAddress: string;
  /** The model on that server Skein asks for. */
  serverModel: string;
}

export const DEFAULT_SETTINGS: Settings = {
  engine: 'auto',
  cpuModelId: 'qwen2.5-0.5b-instruct-int8',
  webgpuModelId: 'Qwen2.5-0.5B-Instruct',
  webgpuLibBase: 'https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/',
  outputLanguage: 'auto',
  uiLanguage: 'auto',
  defaultTone: 'agree',
  serverAddress: '',
  serverModel: '',
};
