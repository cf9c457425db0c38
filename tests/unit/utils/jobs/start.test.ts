import { describe, expect, it } from 'vitest';
import { pickEngine } from '@/utils/jobs/start';
import { DEFAULT_SETTINGS } from '@/utils/settings-schema';

describe('pickEngine', () => {
  it('the user’s own server, once its address and model are set', async () => {
    const picked = await pickEngine({
      ...DEFAULT_SETTINGS,
      engine: 'server',
      serverAddress: 'http://localhost:11434/v1',
      serverModel: 'qwen2.5:0.5b',
    });
    expect(picked).toEqual({
      engine: 'server',
      model: expect.objectContaining({
        id: 'server:qwen2.5:0.5b',
        label: 'qwen2.5:0.5b',
        url: 'http://localhost:11434/v1',
      }),
    });
  });

  it('a server chosen but not set up: the device’s own engines, as automatic picks them', async () => {
    // No WebGPU in the unit tests' page: the CPU engine.
    for (const missing of [{ serverAddress: '' }, { serverModel: '' }]) {
      const picked = await pickEngine({
        ...DEFAULT_SETTINGS,
        engine: 'server',
        serverAddress: 'http://localhost:11434/v1',
        serverModel: 'qwen2.5:0.5b',
        ...missing,
      });
      expect(picked.engine).toBe('cpu');
    }
  });
});
