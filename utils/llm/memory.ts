/**
 * Whether a model can run in this device's memory, checked before anything is downloaded: a
 * model that does not fit would fail to load (or take the browser down) after a long download.
 */
import type { ModelSpec } from './engine';

const GIB = 1024 ** 3;

/** The most a CPU-engine model may use: WebAssembly memory cannot grow past 4 GiB here. */
export const WASM_MEMORY_BYTES = 4 * GIB;

/** Past the weights: the context's cache, compute buffers and the runtime, for small models. */
const WORKING_BYTES = 384 * 1024 ** 2;

/** Share of the device's memory one model may take; the browser and the page need the rest. */
const DEVICE_SHARE = 0.5;

/**
 * About how much memory a model takes while it loads: the file read into the page, its copy in
 * the runtime's memory, and its weights laid out for the int8 kernels (WebAssembly memory does
 * not shrink after). Measured: a 768 MB generated model of the default's shapes peaked at
 * 3.2 GB in Chromium's engine process, with the page still holding the file.
 */
export const memoryNeeded = (model: Pick<ModelSpec, 'sizeBytes'>) => Math.ceil(model.sizeBytes * 3) + WORKING_BYTES;

/**
 * Why a CPU-engine model will not fit, or null when it will. `deviceGib` is the browser's
 * `navigator.deviceMemory` (rounded down to a power of two, at most 8; unknown in Firefox):
 * unknown, only the WebAssembly limit is checked.
 */
export function memoryShortfall(
  model: Pick<ModelSpec, 'sizeBytes' | 'engine'>,
  deviceGib: number | null | undefined,
): { needed: number; available: number } | null {
  const needed = memoryNeeded(model);
  // WebGPU models are sized to the adapter's own limits when they are chosen.
  if (model.engine !== 'cpu') return null;
  const limits = [WASM_MEMORY_BYTES];
  // The browser reports at most 8 GiB: 8 means "8 or more", not a limit.
  if (deviceGib && Number.isFinite(deviceGib) && deviceGib > 0 && deviceGib < 8)
    limits.push(deviceGib * GIB * DEVICE_SHARE);
  const available = Math.min(...limits);
  return needed > available ? { needed, available } : null;
}

/** The device's memory as the browser tells it, in GiB, or null. */
export const deviceMemoryGib = (): number | null =>
  (globalThis.navigator as { deviceMemory?: number } | undefined)?.deviceMemory ?? null;
