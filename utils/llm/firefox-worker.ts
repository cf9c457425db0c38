/**
 * Firefox only: the download cache's worker comes from a file of the extension. wllama's cache
 * (which keeps the CPU engine's model files) starts its worker from a `blob:` URL, which Firefox
 * refuses in extension contexts; the build writes the same worker code to a file
 * (scripts/lib/wllama-worker.ts), and this sends wllama's `new Worker(blob:…)` to it. Only
 * wllama starts blob workers in Skein's engine worker.
 */

/** wllama's download-cache worker is a few KB. */
const CACHE_WORKER_MAX_BYTES = 50_000;

let patched = false;

/** Redirects this context's small blob-URL workers to the cache worker file under `extensionBase`. */
export function serveWllamaWorkersFromFiles(extensionBase: string): void {
  if (patched) return;
  patched = true;
  const sizes = new Map<string, number>();
  const createObjectURL = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (obj: Blob | MediaSource) => {
    const made = createObjectURL(obj);
    if (obj instanceof Blob) sizes.set(made, obj.size);
    return made;
  };
  const Original = globalThis.Worker;
  const Redirected = function (this: unknown, src: string | URL, options?: WorkerOptions) {
    const size = sizes.get(String(src));
    if (size == null || size > CACHE_WORKER_MAX_BYTES) return new Original(src, options);
    return new Original(new URL('wllama-cache-worker.js', extensionBase).href, options);
  } as unknown as typeof Worker;
  Redirected.prototype = Original.prototype;
  globalThis.Worker = Redirected;
}
