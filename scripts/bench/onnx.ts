/**
 * The CPU engine (onnxruntime-web, Skein's generation loop) on a model of the default CPU
 * model's shapes: a 128-token prompt, then 32 tokens, in Chromium at one thread and at the
 * count Skein picks, in Firefox at one thread, and in plain Node (Chromium's V8 without the
 * browser) at one thread. `npx tsx scripts/bench/onnx.ts [int8|int4|int4acc] [threads,…] [runs]`
 * runs it alone.
 */
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { REAL_SIZE, type OnnxWeights } from '../lib/onnx';
import { onnxModelPath } from '../lib/real-size-onnx';
import { figure } from '../lib/stats';
import { ONNX_PAGE, serveSpeedPage } from './cpu-speed';
import { measureOnnx, type OnnxAsk, type OnnxResult } from './onnx-run';

/** What the figures need of a browser page: Playwright's and Puppeteer's both have it. */
export type BenchPage = {
  goto(url: string): Promise<unknown>;
  waitForFunction(fn: string): Promise<unknown>;
  evaluate<T>(fn: (a: OnnxAsk) => Promise<T>, arg: OnnxAsk): Promise<T>;
};

/** Runs the ONNX speed page (`ONNX_PAGE`, served at `url`) in an open browser page. */
export async function runOnnxIn(page: BenchPage, url: string, ask: OnnxAsk): Promise<OnnxResult> {
  await page.goto(url);
  await page.waitForFunction('"runOnnx" in window');
  return page.evaluate((a) => (window as unknown as { runOnnx(a: OnnxAsk): Promise<OnnxResult> }).runOnnx(a), ask);
}

/** Where each measurement ran, keyed like `Chromium, 2 thread(s)`. */
export type OnnxFigures = Record<string, OnnxResult>;

/**
 * Measures `weights` where asked and prints prefill and decode lines; returns the results so
 * the caller can pair them with the CPU engine's and native llama.cpp's runs.
 */
export async function benchOnnx(
  weights: OnnxWeights,
  threadCounts: number[],
  runs: number,
  where: { node: boolean; firefox: boolean; cancelAt: number; longContext?: number } = {
    node: true,
    firefox: true,
    cancelAt: 0,
  },
): Promise<OnnxFigures> {
  const path = onnxModelPath(weights);
  const ask = (threads: number): OnnxAsk => ({
    threads,
    promptTokens: 128,
    decodeTokens: weights === 'int8' ? 32 : 8,
    runs,
    layers: REAL_SIZE.layers,
    kvHeads: REAL_SIZE.kvHeads,
    headDim: REAL_SIZE.embd / REAL_SIZE.heads,
    cancelAfterMs: threads === where.cancelAt ? 3000 : undefined,
    // BENCH_FULL_LOGITS=1: the export as it is, for the figures before the last-position edit.
    fullLogits: process.env.BENCH_FULL_LOGITS === '1',
    // BENCH_IN_WORKER=1: in a dedicated worker rather than on the page's own thread.
    inWorker: process.env.BENCH_IN_WORKER === '1',
  });
  const longAsk = (threads: number): OnnxAsk => ({
    ...ask(threads),
    promptTokens: where.longContext ?? 0,
    decodeTokens: 16,
    runs: Math.min(runs, 2),
    cancelAfterMs: undefined,
  });
  const figures: OnnxFigures = {};
  const site = await serveSpeedPage(path, ONNX_PAGE);
  try {
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox'],
    });
    try {
      for (const threads of threadCounts) {
        const page = await browser.newPage();
        figures[`Chromium, ${threads} thread(s)`] = await runOnnxIn(page, site.url, ask(threads));
        await page.close();
      }
      if (where.longContext) {
        // Writing after a thread-sized prompt: each step hands the whole context's keys and
        // values to the runtime and gets new arrays back, which costs more as it grows.
        const page = await browser.newPage();
        const threads = threadCounts.at(-1)!;
        figures[`Chromium, ${threads} thread(s), after ${where.longContext} prompt tokens`] = await runOnnxIn(
          page,
          site.url,
          longAsk(threads),
        );
        await page.close();
      }
    } finally {
      await browser.close();
    }
    if (where.firefox) {
      const firefox = await puppeteer.launch({
        browser: 'firefox',
        executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
        headless: true,
      });
      try {
        const page = await firefox.newPage();
        page.setDefaultTimeout(0);
        figures['Firefox, 1 thread(s)'] = await runOnnxIn(page as unknown as BenchPage, site.url, ask(1));
      } finally {
        await firefox.close();
      }
    }
  } finally {
    site.close();
  }
  if (where.node)
    figures['Node, 1 thread(s)'] = await measureOnnx(await import('onnxruntime-web'), readFileSync(path), ask(1));
  if (where.node && where.longContext)
    figures[`Node, 1 thread(s), after ${where.longContext} prompt tokens`] = await measureOnnx(
      await import('onnxruntime-web'),
      readFileSync(path),
      longAsk(1),
    );
  for (const [place, r] of Object.entries(figures)) {
    const label = `CPU engine, real-size model (${weights}), ${place.replace(/\d+ thread/, `${r.threads} thread`)}`;
    console.log(
      figure(
        `${label}, prefill`,
        r.runs.map((x) => x.prefillTps),
        'tok/s',
      ),
    );
    console.log(
      figure(
        `${label}, decode`,
        r.runs.map((x) => x.decodeTps),
        'tok/s',
      ),
    );
    if (r.cancel)
      console.log(
        `${label}, cancel 3 s into a long prompt: stopped in ${(r.cancel.settledMs / 1000).toFixed(1)} s, next ` +
          `answer began ${(r.cancel.nextTokenMs / 1000).toFixed(1)} s after`,
      );
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [weights = 'int8', threads = '1', runs = '2'] = process.argv.slice(2);
  await benchOnnx(weights as OnnxWeights, threads.split(',').map(Number), Number(runs), {
    node: true,
    firefox: true,
    cancelAt: 2,
    longContext: Number(process.env.BENCH_LONG_CONTEXT ?? 1800),
  });
}
