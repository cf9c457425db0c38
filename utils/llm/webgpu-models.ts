/**
 * The WebGPU (web-llm) models Skein recommends, from web-llm's prebuilt list (0.2.86), tiny
 * to 3B-class. Each comes as an f16 variant (needs the adapter's `shader-f16`) and an f32 one;
 * the choice follows the adapter. The model libraries' address is configurable: a store build
 * must ship the libraries it offers (stores reject remotely hosted code).
 */
import type { ModelSpec } from './engine';

/** web-llm's published model libraries for this version. */
export const DEFAULT_WEBGPU_LIB_BASE =
  'https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/';

interface Variant {
  id: string;
  lib: string;
  vramMB: number;
}

/** A model family in both precisions. */
export interface WebGpuFamily {
  id: string;
  label: string;
  f16: Variant;
  f32: Variant;
}

const fam = (id: string, label: string, lib: string, f16MB: number, f32MB: number): WebGpuFamily => ({
  id,
  label,
  f16: { id: `${id}-q4f16_1-MLC`, lib: `${lib}-q4f16_1_cs1k-webgpu.wasm`, vramMB: f16MB },
  f32: { id: `${id}-q4f32_1-MLC`, lib: `${lib}-q4f32_1_cs1k-webgpu.wasm`, vramMB: f32MB },
});

export const WEBGPU_FAMILIES: WebGpuFamily[] = [
  fam('SmolLM2-360M-Instruct', 'SmolLM2 360M', 'SmolLM2-360M-Instruct', 376.06, 579.61),
  fam('Qwen2.5-0.5B-Instruct', 'Qwen2.5 0.5B', 'Qwen2-0.5B-Instruct', 944.62, 1060.2),
  fam('Llama-3.2-1B-Instruct', 'Llama 3.2 1B', 'Llama-3.2-1B-Instruct', 879.04, 1128.82),
  fam('Qwen2.5-1.5B-Instruct', 'Qwen2.5 1.5B', 'Qwen2-1.5B-Instruct', 1629.75, 1888.97),
  fam('Llama-3.2-3B-Instruct', 'Llama 3.2 3B', 'Llama-3.2-3B-Instruct', 2263.69, 2951.51),
];

export const DEFAULT_WEBGPU_FAMILY = 'Qwen2.5-0.5B-Instruct';

/** What matters of a GPU adapter for the choice. */
export interface AdapterFacts {
  hasF16: boolean;
  /** The largest buffer the adapter allows, in bytes (maxBufferSize). */
  maxBufferBytes: number;
}

/** A WebGPU model spec, with the library web-llm loads for it. */
export interface WebGpuModelSpec extends ModelSpec {
  engine: 'webgpu';
  lib: string;
  vramMB: number;
}

/**
 * The variant of a family for this adapter: f16 where `shader-f16` is there, else f32.
 * Null when the family's memory need is beyond what the adapter can hold.
 */
export function chooseWebGpuModel(
  familyId: string,
  adapter: AdapterFacts,
  libBase = DEFAULT_WEBGPU_LIB_BASE,
): WebGpuModelSpec | null {
  const family =
    WEBGPU_FAMILIES.find((f) => f.id === familyId) ?? WEBGPU_FAMILIES.find((f) => f.id === DEFAULT_WEBGPU_FAMILY)!;
  const variant = adapter.hasF16 ? family.f16 : family.f32;
  // A rough bound: the weights must fit the adapter's buffers (the runtime needs more still).
  if (variant.vramMB * 1_048_576 > adapter.maxBufferBytes * 4) return null;
  return {
    id: variant.id,
    engine: 'webgpu',
    label: `${family.label} (${adapter.hasF16 ? 'f16' : 'f32'})`,
    url: `https://huggingface.co/mlc-ai/${variant.id}`,
    lib: libBase.replace(/\/?$/, '/') + variant.lib,
    sizeBytes: Math.round(variant.vramMB * 1_048_576),
    vramMB: variant.vramMB,
    contextTokens: 4096,
  };
}
