/**
 * The models Skein offers. CPU models are GGUF files for the CPU engine; the download is the
 * only thing Skein ever fetches from outside.
 */
import type { ModelSpec } from './engine';

/** CPU engine models: small instruct chat models, quantized. */
export const CPU_MODELS: ModelSpec[] = [
  {
    id: 'qwen2.5-0.5b-instruct-q4_k_m',
    engine: 'cpu',
    label: 'Qwen2.5 0.5B Instruct',
    url: 'https://huggingface.co/Qwen/Qwen2.5-0.5B-Instruct-GGUF/resolve/main/qwen2.5-0.5b-instruct-q4_k_m.gguf',
    sizeBytes: 491_400_032,
    contextTokens: 4096,
  },
  {
    id: 'smollm2-360m-instruct-q8_0',
    engine: 'cpu',
    label: 'SmolLM2 360M Instruct',
    url: 'https://huggingface.co/HuggingFaceTB/SmolLM2-360M-Instruct-GGUF/resolve/main/smollm2-360m-instruct-q8_0.gguf',
    sizeBytes: 386_404_992,
    contextTokens: 4096,
  },
];

/** The CPU model used unless the user picks another. */
export const DEFAULT_CPU_MODEL = CPU_MODELS[0]!;

/** A CPU model by id, falling back to the default. */
export function cpuModel(id: string | undefined): ModelSpec {
  return CPU_MODELS.find((m) => m.id === id) ?? DEFAULT_CPU_MODEL;
}
