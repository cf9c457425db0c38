/**
 * The models kept on this device, and deleting them. Downloads live in the extension's origin
 * (the CPU engine's: the private file system, in wllama's download-cache layout, see
 * model-cache.ts; web-llm's: Cache Storage), so any Skein page can list them. The engine
 * libraries load only when asked.
 */
import { CPU_MODELS, LEGACY_CPU_FILES, modelFiles } from './models';
import { DEFAULT_WEBGPU_LIB_BASE, WEBGPU_FAMILIES } from './webgpu-models';

/** A model on the device. */
export interface DownloadedModel {
  engine: 'cpu' | 'webgpu';
  /** Model id (CPU catalog id, or web-llm model id). */
  id: string;
  label: string;
  /** Bytes on disk, where known. */
  sizeBytes: number | null;
}

/** web-llm's description of one of our WebGPU variants (for its cache helpers). */
function webllmConfig(id: string, lib: string) {
  return {
    model_list: [
      { model: `https://huggingface.co/mlc-ai/${id}`, model_id: id, model_lib: DEFAULT_WEBGPU_LIB_BASE + lib },
    ],
  };
}

async function cpuDownloads(): Promise<DownloadedModel[]> {
  const { modelCache } = await import('./model-cache');
  const entries = await modelCache().list();
  const sizeOf = (urls: string[]) => {
    const found = entries.filter((e) => urls.includes(e.metadata.originalURL));
    return found.length ? found.reduce((n, e) => n + e.size, 0) : null;
  };
  // A model is listed once any of its files is here (a cancelled download leaves some).
  const models = CPU_MODELS.flatMap((m) => {
    const size = sizeOf(Object.values(modelFiles(m)));
    return size == null ? [] : [{ engine: 'cpu' as const, id: m.id, label: m.label, sizeBytes: size }];
  });
  const legacy = LEGACY_CPU_FILES.flatMap((f) => {
    const size = sizeOf([f.url]);
    return size == null ? [] : [{ engine: 'cpu' as const, id: f.id, label: f.label, sizeBytes: size }];
  });
  return [...models, ...legacy];
}

async function webgpuDownloads(): Promise<DownloadedModel[]> {
  // Firefox's build has no WebGPU engine, so no web-llm downloads (and no web-llm code).
  if (import.meta.env.FIREFOX) return [];
  if (typeof caches === 'undefined' || !(await caches.has('webllm/config'))) return [];
  const { hasModelInCache } = await import('@mlc-ai/web-llm');
  const found: DownloadedModel[] = [];
  for (const family of WEBGPU_FAMILIES) {
    for (const [variant, precision] of [
      [family.f16, 'f16'],
      [family.f32, 'f32'],
    ] as const) {
      if (await hasModelInCache(variant.id, webllmConfig(variant.id, variant.lib)).catch(() => false)) {
        found.push({ engine: 'webgpu', id: variant.id, label: `${family.label} (${precision})`, sizeBytes: null });
      }
    }
  }
  return found;
}

/** Every model downloaded to this device. */
export async function listDownloaded(): Promise<DownloadedModel[]> {
  const [cpu, webgpu] = await Promise.all([cpuDownloads().catch(() => []), webgpuDownloads().catch(() => [])]);
  return [...cpu, ...webgpu];
}

/** Deletes a downloaded model; the next use downloads it again. */
export async function deleteDownloaded(model: DownloadedModel): Promise<void> {
  if (model.engine === 'cpu') {
    const known = CPU_MODELS.find((m) => m.id === model.id);
    const urls = known
      ? Object.values(modelFiles(known))
      : LEGACY_CPU_FILES.filter((f) => f.id === model.id).map((f) => f.url);
    if (!urls.length) return;
    const { modelCache } = await import('./model-cache');
    await modelCache().deleteMany((e) => urls.includes(e.metadata.originalURL));
    return;
  }
  if (import.meta.env.FIREFOX) return;
  const family = WEBGPU_FAMILIES.find((f) => f.f16.id === model.id || f.f32.id === model.id);
  const variant = family && (family.f16.id === model.id ? family.f16 : family.f32);
  if (!variant) return;
  const { deleteModelAllInfoInCache } = await import('@mlc-ai/web-llm');
  await deleteModelAllInfoInCache(variant.id, webllmConfig(variant.id, variant.lib));
}
