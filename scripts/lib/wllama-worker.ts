/**
 * The CPU engine's workers as static files, for Firefox. wllama starts its workers from
 * `blob:` URLs built from code embedded in its package; Firefox refuses blob workers in
 * extension pages. This writes the same code into files the extension serves: the llama.cpp
 * worker (wllama's worker glue, its emscripten module, and the run options of a
 * single-threaded CPU run) and the download-cache worker. It reads wllama's bundle, so wllama
 * is pinned to an exact version.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { runInNewContext } from 'node:vm';

/** The value of a `var NAME = <string literal>;` declaration in a bundle. */
function literal(source: string, name: string): string {
  const start = source.indexOf(`var ${name} = `);
  if (start < 0) throw new Error(`wllama: ${name} not found; its bundle changed (check the pinned version)`);
  const from = start + `var ${name} = `.length;
  const quote = source[from]!;
  // The literal ends at the first unescaped closing quote followed by ";\n".
  let i = from + 1;
  for (; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === quote && source[i + 1] === ';') break;
  }
  const value = runInNewContext(source.slice(from, i + 1)) as unknown;
  if (typeof value !== 'string') throw new Error(`wllama: ${name} is not a string`);
  return value;
}

function wllamaBundle(): string {
  const require = createRequire(import.meta.url);
  return readFileSync(require.resolve('@wllama/wllama/esm/index.js'), 'utf8');
}

/** wllama's download-cache worker (it writes models to the origin's private file system). */
export function wllamaCacheWorkerSource(): string {
  return literal(wllamaBundle(), 'OPFS_UTILS_WORKER_CODE');
}

/** The llama.cpp worker script's text. */
export function wllamaWorkerSource(): string {
  const bundle = wllamaBundle();
  const workerGlue = literal(bundle, 'LLAMA_CPP_WORKER_CODE');
  const emscripten = literal(bundle, 'WLLAMA_EMSCRIPTEN_CODE');
  const jspiStub = literal(bundle, 'JSPI_STUB');
  // As wllama's ProxyToWorker.moduleInit assembles it for a CPU-only (n_gpu_layers: 0),
  // single-threaded (nbThread: 0) run, with the wasm next to this file.
  const noWebGpu = 'try{Object.defineProperty(WorkerNavigator.prototype,"gpu",{get:()=>({requestAdapter:async()=>null})});}catch(e){}';
  const moduleCode = (noWebGpu + jspiStub + emscripten).replace('var Module', 'var ___Module');
  return [
    '// Generated at build time from @wllama/wllama (scripts/lib/wllama-worker.ts). Do not edit.',
    `const RUN_OPTIONS = { pathConfig: { 'wllama.wasm': new URL('/wllama.wasm', self.location.href).href }, nbThread: 0, compat: false };`,
    `function wModuleInit() { ${moduleCode}; return Module; }`,
    workerGlue,
  ].join(';\n\n');
}
