/** Whether this context has a WebGPU adapter, and what it offers. Asked once per context. */
import type { AdapterFacts } from './webgpu-models';

interface GpuLike {
  requestAdapter(): Promise<{ features: { has(f: string): boolean }; limits: { maxBufferSize: number } } | null>;
}

let facts: Promise<AdapterFacts | null> | null = null;

/** The adapter's facts, or null without WebGPU (Firefox on Linux, older GPUs, no flags). */
export function webGpuAdapter(timeoutMs = 3000): Promise<AdapterFacts | null> {
  facts ??= (async () => {
    const gpu = (globalThis.navigator as unknown as { gpu?: GpuLike } | undefined)?.gpu;
    if (!gpu) return null;
    const adapter = await Promise.race([
      gpu.requestAdapter().catch(() => null),
      new Promise<null>((r) => setTimeout(() => r(null), timeoutMs)),
    ]);
    return adapter
      ? { hasF16: adapter.features.has('shader-f16'), maxBufferBytes: adapter.limits.maxBufferSize }
      : null;
  })();
  return facts;
}
