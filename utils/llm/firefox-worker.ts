/**
 * Firefox only: the CPU engine's workers come from files of the extension. wllama starts its
 * workers from `blob:` URLs, which Firefox refuses in extension pages; the build writes the
 * same worker code to files (scripts/lib/wllama-worker.ts), and this sends wllama's
 * `new Worker(blob:…)` to the right one. Only wllama starts blob workers in Skein's background.
 */
import { browser } from '#imports';

/** wllama's download-cache worker is a few KB; its llama.cpp worker is well over 100 KB. */
const CACHE_WORKER_MAX_BYTES = 50_000;

let patched = false;

/** Redirects this page's blob-URL workers to the extension's wllama worker files. */
export function serveWllamaWorkersFromFiles(): void {
  if (patched) return;
  patched = true;
  const url = browser.runtime.getURL as (path: string) => string;
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
    if (size == null) return new Original(src, options);
    return new Original(url(size <= CACHE_WORKER_MAX_BYTES ? '/wllama-cache-worker.js' : '/wllama-worker.js'), options);
  } as unknown as typeof Worker;
  Redirected.prototype = Original.prototype;
  globalThis.Worker = Redirected;
}
