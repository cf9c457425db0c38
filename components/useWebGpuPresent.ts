import { useEffect, useState } from 'react';
import { webGpuAdapter } from '@/utils/llm/webgpu-adapter';

/** Whether this browser has a WebGPU adapter here: null while asking. GPU models are offered only then. */
export function useWebGpuPresent(): boolean | null {
  const [present, setPresent] = useState<boolean | null>(null);
  useEffect(() => {
    let alive = true;
    void webGpuAdapter().then(
      (adapter) => alive && setPresent(adapter != null),
      () => alive && setPresent(false),
    );
    return () => {
      alive = false;
    };
  }, []);
  return present;
}
