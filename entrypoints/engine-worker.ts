import { createEngineHost } from '@/utils/jobs/engines';
import { serveHostInWorker, type WorkerScope } from '@/utils/jobs/worker-link';

/** Firefox's engine worker, started by the background page: wiring only. */
export default defineUnlistedScript({
  include: ['firefox'],
  main() {
    // A worker has no `browser`: the extension's files are found from the worker's own URL.
    const base = new URL('/', self.location.href).href;
    serveHostInWorker(createEngineHost({ runtimeBase: new URL('ort/', base).href }), self as unknown as WorkerScope);
  },
});
