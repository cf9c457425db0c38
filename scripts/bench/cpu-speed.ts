/**
 * Real-size CPU-engine speed: a model of the default CPU model's shape and size (generated,
 * scripts/lib/real-size-model.ts), run by the wllama build Skein ships in Chromium and Firefox,
 * and by native llama.cpp's AVX2 build (scripts/bench/native.ts) on the same file.
 */
import { build } from 'esbuild';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { CancelTiming, SpeedAsk, SpeedRun } from './cpu-speed-page';

const ROOT = resolve(import.meta.dirname, '../..');

/** A bench page's answer. */
export interface SpeedResult {
  loadMs: number;
  runs: SpeedRun[];
  threads: number;
  isolated: boolean;
  cancel?: CancelTiming;
}

/** Which bench page to serve: its entry script and the runtime files it loads. */
export interface SpeedPage {
  entry: string;
  /** Served path → file on disk (a folder when the path ends in `/`). */
  files: Record<string, string>;
}

/** The wllama page (the build Skein ships). */
export const WLLAMA_PAGE: SpeedPage = {
  entry: 'scripts/bench/cpu-speed-page.ts',
  files: { '/wllama.wasm': join(ROOT, 'node_modules/@wllama/wllama/esm/wasm/wllama.wasm') },
};

/** The onnxruntime-web page: its JavaScript glue and wasm files come from the package. */
export const ONNX_PAGE: SpeedPage = {
  entry: 'scripts/bench/onnx-page.ts',
  files: { '/ort/': join(ROOT, 'node_modules/onnxruntime-web/dist/') },
};

const TYPES: Record<string, string> = { wasm: 'application/wasm', mjs: 'text/javascript', js: 'text/javascript' };

/**
 * Serves a bench page, its runtime's files and the model file (at `/model.gguf` or
 * `/model.onnx`), cross-origin isolated (COOP and COEP headers) so the runtime may start
 * threads, with byte ranges for the model.
 */
export async function serveSpeedPage(
  modelPath: string,
  which: SpeedPage = WLLAMA_PAGE,
): Promise<{ url: string; close(): void }> {
  const js = (
    await build({
      entryPoints: [join(ROOT, which.entry)],
      bundle: true,
      write: false,
      format: 'esm',
      logLevel: 'silent',
      external: ['node:*'],
    })
  ).outputFiles[0]!.text;
  const isolated = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
  const size = statSync(modelPath).size;
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (path === '/')
      return void res
        .writeHead(200, { 'Content-Type': 'text/html', ...isolated })
        .end('<!doctype html><meta charset="utf-8"><script type="module" src="/bench.js"></script>');
    if (path === '/bench.js')
      return void res.writeHead(200, { 'Content-Type': 'text/javascript', ...isolated }).end(js);
    const file = Object.entries(which.files).find(([route]) =>
      route.endsWith('/') ? path.startsWith(route) && !path.includes('..') : path === route,
    );
    if (file) {
      const onDisk = file[0].endsWith('/') ? join(file[1], path.slice(file[0].length)) : file[1];
      if (!existsSync(onDisk)) return void res.writeHead(404).end();
      return void res
        .writeHead(200, { 'Content-Type': TYPES[onDisk.split('.').pop()!] ?? 'application/octet-stream', ...isolated })
        .end(readFileSync(onDisk));
    }
    if (path === '/model.gguf' || path === '/model.onnx') {
      const m = /bytes=(\d+)-(\d*)/.exec(req.headers.range ?? '');
      const start = m ? Number(m[1]) : 0;
      const end = m?.[2] ? Number(m[2]) : size - 1;
      res.writeHead(m ? 206 : 200, {
        'Content-Type': 'application/octet-stream',
        'Content-Length': String(end - start + 1),
        'Accept-Ranges': 'bytes',
        ...isolated,
        ...(m ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
      });
      if (req.method === 'HEAD') return void res.end();
      return void createReadStream(modelPath, { start, end }).pipe(res);
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}

/** A prompt of roughly `tokens` tokens for the real-size vocabulary (about 4 letters a token). */
export function promptOf(tokens: number): string {
  const words =
    'the thread says that wool and cotton both work for a first sweater but the gauge matters more than ' +
    'the fibre and people disagree'.split(' ');
  return Array.from({ length: Math.round(tokens / 1.4) }, (_, i) => words[i % words.length]).join(' ');
}

/** Runs the speed page in an open browser page. */
export async function runSpeedIn(
  page: {
    goto(url: string): Promise<unknown>;
    waitForFunction(fn: string): Promise<unknown>;
    evaluate<T>(fn: (a: SpeedAsk) => Promise<T>, arg: SpeedAsk): Promise<T>;
  },
  url: string,
  ask: Omit<SpeedAsk, 'modelUrl'>,
): Promise<SpeedResult> {
  await page.goto(url);
  await page.waitForFunction('"runSpeed" in window');
  return page.evaluate((a) => (window as unknown as { runSpeed(a: SpeedAsk): Promise<SpeedResult> }).runSpeed(a), {
    ...ask,
    modelUrl: `${url}model.gguf`,
  });
}
