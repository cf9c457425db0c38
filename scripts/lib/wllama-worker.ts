/**
 * The download cache's worker as a static file, for Firefox. wllama's cache (which keeps the
 * CPU engine's model files in the origin's private file system) starts its worker from a
 * `blob:` URL built from code embedded in its package; Firefox refuses blob workers in
 * extension pages. This writes the same code into a file the extension serves. It reads
 * wllama's bundle, so wllama is pinned to an exact version.
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
