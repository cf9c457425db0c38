/**
 * The models Skein offers. CPU models are int8 ONNX exports for the CPU engine (the decoder
 * file; its tokenizer and settings sit at the repository's root, see `modelFiles`); the
 * download is the only thing Skein ever fetches from outside.
 */
import type { ModelSpec } from './engine';

/** CPU engine models: small instruct chat models in the ChatML format, int8 weights. */
export const CPU_MODELS: ModelSpec[] = [
  {
    id: 'qwen2.5-0.5b-instruct-int8',
    engine: 'cpu',
    label: 'Qwen2.5 0.5B Instruct',
    url: 'https://huggingface.co/onnx-community/Qwen2.5-0.5B-Instruct/resolve/main/onnx/model_quantized.onnx',
    // The model host lists the decoder at 512 MB; the tokenizer and settings add about 7 MB.
    sizeBytes: 519_000_000,
    contextTokens: 4096,
  },
];

/**
 * Files of the previous CPU engine (llama.cpp, GGUF) that may still sit on a device: listed
 * under "Models on this device" so their space can be given back, never loaded.
 */
export const LEGACY_CPU_FILES: { id: string; label: string; url: string }[] = [
  {
    id: 'qwen2.5-0.5b-instruct-q4_k_m',
    label: 'Qwen2.5 0.5B Instruct (GGUF)',
    url: 'https://huggingface.co/Qwen/Qwen2.5-0.5B-Instruct-GGUF/resolve/main/qwen2.5-0.5b-instruct-q4_k_m.gguf',
  },
  {
    id: 'smollm2-360m-instruct-q8_0',
    label: 'SmolLM2 360M Instruct (GGUF)',
    url: 'https://huggingface.co/HuggingFaceTB/SmolLM2-360M-Instruct-GGUF/resolve/main/smollm2-360m-instruct-q8_0.gguf',
  },
];

/** The files of a CPU model: the decoder (`model.url`) and, at its repository's root, its settings. */
export function modelFiles(model: ModelSpec): {
  decoder: string;
  tokenizer: string;
  tokenizerConfig: string;
  config: string;
} {
  const root = new URL('../', model.url).href;
  return {
    decoder: model.url,
    tokenizer: `${root}tokenizer.json`,
    tokenizerConfig: `${root}tokenizer_config.json`,
    config: `${root}config.json`,
  };
}

/** The CPU model used unless the user picks another. */
export const DEFAULT_CPU_MODEL = CPU_MODELS[0]!;

/** A CPU model by id, falling back to the default. */
export function cpuModel(id: string | undefined): ModelSpec {
  return CPU_MODELS.find((m) => m.id === id) ?? DEFAULT_CPU_MODEL;
}
