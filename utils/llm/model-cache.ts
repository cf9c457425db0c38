/**
 * Where the CPU engine keeps its model files: the extension origin's private file system, in
 * wllama's download-cache layout (a `cache` folder; each file under `<sha1 of its URL>_<name>`,
 * with a small JSON of its URL and size next to it), so models already on a user's device stay
 * usable. wllama's cache does the layout and the download; this backend does the writing.
 *
 * wllama's own backend writes each file through a new worker started from a `blob:` URL (for
 * Safari, which cannot write to that file system from a page). In Firefox, those workers inside
 * the engine worker sometimes never answered: a download stopped at its second file with nothing
 * running (3 failures in 21 runs of the Firefox inline and sites tests with both cores busy; 6 of
 * 9 with every step logged). Chrome's offscreen page and Firefox's engine worker can both write
 * the file directly (`createWritable`): 16 of 16 passed under the same load. A file's bytes are
 * committed only once the download is whole; a download cut off halfway leaves an empty file
 * and no metadata, which counts as missing, so the next download starts it again.
 */
import { CacheManager } from '@wllama/wllama';

type Backend = NonNullable<ConstructorParameters<typeof CacheManager>[0]>[number];

async function folder(): Promise<FileSystemDirectoryHandle> {
  const root = await navigator.storage.getDirectory();
  return root.getDirectoryHandle('cache', { create: true });
}

async function file(key: string): Promise<File | null> {
  try {
    return await (await (await folder()).getFileHandle(key)).getFile();
  } catch {
    return null;
  }
}

/** Reads and writes the cache folder from the calling context, with no worker of its own. */
const directBackend: Backend = {
  isSupported: () => typeof navigator !== 'undefined' && !!navigator.storage?.getDirectory,
  read: (key) => file(key),
  async write(key, stream) {
    const handle = await (await folder()).getFileHandle(key, { create: true });
    // Committed when the stream ends; when it fails the writable is aborted, so none of the
    // bytes land (the file stays empty, counted as missing).
    await stream.pipeTo(await handle.createWritable());
  },
  getSize: async (key) => (await file(key))?.size ?? -1,
  async list() {
    const found: { key: string; size: number }[] = [];
    for await (const [key, handle] of (await folder()).entries()) {
      if (handle.kind === 'file') found.push({ key, size: (await (handle as FileSystemFileHandle).getFile()).size });
    }
    return found;
  },
  async delete(key) {
    try {
      await (await folder()).removeEntry(key);
    } catch (err) {
      if ((err as Error)?.name !== 'NotFoundError') throw err;
    }
  },
};

/** The CPU engine's download cache. */
export const modelCache = (): CacheManager => new CacheManager([directBackend]);
