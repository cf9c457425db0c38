import { describe, expect, it } from 'vitest';
import { memoryNeeded, memoryShortfall, WASM_MEMORY_BYTES } from '@/utils/llm/memory';

const GIB = 1024 ** 3;
const cpu = (gib: number) => ({ engine: 'cpu' as const, sizeBytes: gib * GIB });

describe('memoryShortfall: a model that will not fit is said before the download', () => {
  it.each([
    // model GiB, device GiB, fits
    [0.48, 8, true],
    [0.48, 4, true],
    [0.48, 2, false],
    [0.48, null, true],
    [0.6, 4, false],
    [1, null, true],
    [1.3, 8, false], // past what WebAssembly can address, however much the device has
    [1.3, null, false],
  ])('%s GiB model, %s GiB device: fits %s', (model, device, fits) => {
    const short = memoryShortfall(cpu(model), device);
    expect(short === null).toBe(fits);
    if (short) expect(short.needed).toBe(memoryNeeded(cpu(model)));
    if (short && !device) expect(short.available).toBe(WASM_MEMORY_BYTES);
  });
  it('leaves WebGPU models to the adapter check', () => {
    expect(memoryShortfall({ engine: 'webgpu', sizeBytes: 6 * GIB }, 1)).toBeNull();
  });
});
