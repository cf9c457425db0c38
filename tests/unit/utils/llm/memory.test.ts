import { describe, expect, it } from 'vitest';
import { memoryNeeded, memoryShortfall, WASM_MEMORY_BYTES } from '@/utils/llm/memory';

const GIB = 1024 ** 3;
const cpu = (gib: number) => ({ engine: 'cpu' as const, sizeBytes: gib * GIB });

describe('memoryShortfall: a model that will not fit is said before the download', () => {
  it.each([
    // model GiB, device GiB, fits
    [0.46, 8, true],
    [0.46, 2, true],
    [0.46, 1, false],
    [0.46, null, true],
    [1.4, 4, true],
    [1.9, 4, false],
    [3.5, 8, false], // past what WebAssembly can address, however much the device has
    [3.5, null, false],
    [3, 8, true],
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
