/**
 * Real-size CPU-engine figures: prefill and decode speed of the CPU engine (the wllama build
 * Skein ships, with Skein's load parameters) on a model of the default CPU model's shape and
 * size, in Chromium at one thread and at the thread count Skein picks, in Firefox at one
 * thread (its background page cannot be isolated), and native llama.cpp's AVX2 build on the
 * same file at the same thread counts; ratios pair by pair; load time; peak memory.
 */
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import puppeteer from 'puppeteer-core';
import { cpuThreads } from '../../utils/llm/cpu-engine';

/** The previous engine's prompt steps (llama.cpp batch sizes), as it ran. */
const prefillBatch = (threads: number) => (threads >= 2 ? 16 : 8);
import { realSizeModel, type RealSizeQuant } from '../lib/real-size-model';
import { figure } from '../lib/stats';
import { promptOf, runSpeedIn, serveSpeedPage, type SpeedResult } from './cpu-speed';
import { nativeSpeed } from './native';

const RUNS = Number(process.env.BENCH_CPU_RUNS ?? 3);
const PROMPT_TOKENS = 128;
const DECODE_TOKENS = 32;
const QUANT = (process.env.BENCH_CPU_QUANT ?? 'q4km') as RealSizeQuant;

/** The largest resident size of any process named `name` while `work` runs, in MB. */
async function peakRss<T>(name: string, work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peak = 0;
  const sample = () => {
    try {
      const out = execFileSync('ps', ['-C', name, '-o', 'rss='], { encoding: 'utf8' });
      for (const line of out.split('\n')) peak = Math.max(peak, Number(line.trim()) || 0);
    } catch {
      // No such process at this instant.
    }
  };
  const timer = setInterval(sample, 500);
  try {
    const result = await work();
    return { result, peakMb: peak / 1024 };
  } finally {
    clearInterval(timer);
  }
}

const rates = (r: SpeedResult | { runs: { prefillTps: number; decodeTps: number }[] }, key: 'prefillTps' | 'decodeTps') => r.runs.map((x) => x[key]);
/** Ratios of paired runs (run i of one against run i of the other). */
const ratios = (a: number[], b: number[]) => a.map((v, i) => v / b[i]!);

/** Prints the real-size CPU-engine figures. */
export async function benchCpu(): Promise<void> {
  const model = realSizeModel(QUANT);
  const prompt = promptOf(PROMPT_TOKENS);
  const picked = cpuThreads(cpus().length, true);
  // Skein's load parameters: its prefill step, so a cancel is honoured within about a second.
  const steps = (threads: number, batch = prefillBatch(threads)) => ({ n_batch: batch, n_ubatch: batch });
  const ask = (threads: number) => ({ threads, runs: RUNS, prompt, decodeTokens: DECODE_TOKENS, load: steps(threads), cancelAfterMs: threads === picked ? 3000 : undefined });
  const site = await serveSpeedPage(model);
  const label = `real-size model (${QUANT})`;
  const wasm: Record<number, SpeedResult> = {};
  try {
    const { result: chromeRuns, peakMb } = await peakRss('chromium', async () => {
      const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
      try {
        const context = await browser.newContext();
        for (const threads of [...new Set([1, picked])]) {
          const page = await context.newPage();
          wasm[threads] = await runSpeedIn(page, site.url, ask(threads));
          await page.close();
        }
        // The same cancel at llama.cpp's default step, for comparison.
        const page = await context.newPage();
        const atDefault = await runSpeedIn(page, site.url, { ...ask(picked), runs: 0, load: steps(picked, 512) });
        await page.close();
        const timed = (c: SpeedResult['cancel'], step: number) =>
          `cancel 3 s into a long prefill, ${picked} thread(s), step ${step} tokens: stopped in ${(c!.settledMs / 1000).toFixed(1)} s, next answer began ${(c!.nextTokenMs / 1000).toFixed(1)} s after`;
        console.log(`CPU engine, ${label}, Chromium, ${timed(wasm[picked]!.cancel, prefillBatch(picked))}`);
        console.log(`CPU engine, ${label}, Chromium, ${timed(atDefault.cancel, 512)} (llama.cpp's default)`);
      } finally {
        await browser.close();
      }
      return wasm;
    });
    for (const [threads, r] of Object.entries(chromeRuns)) {
      console.log(figure(`CPU engine, ${label}, Chromium, ${threads} thread(s), prefill`, rates(r, 'prefillTps'), 'tok/s'));
      console.log(figure(`CPU engine, ${label}, Chromium, ${threads} thread(s), decode`, rates(r, 'decodeTps'), 'tok/s'));
    }
    console.log(`CPU engine, ${label}, Chromium, model load from its cache: ${(chromeRuns[picked]!.loadMs / 1000).toFixed(1)} s; first load with download from a local server: ${(chromeRuns[1]!.loadMs / 1000).toFixed(1)} s`);
    console.log(`CPU engine, ${label}, Chromium, peak memory of one process: ${peakMb.toFixed(0)} MB`);
    if (picked !== 1) {
      console.log(figure(`Chromium, ${picked} threads vs 1, prefill`, ratios(rates(chromeRuns[picked]!, 'prefillTps'), rates(chromeRuns[1]!, 'prefillTps')), 'x'));
      console.log(figure(`Chromium, ${picked} threads vs 1, decode`, ratios(rates(chromeRuns[picked]!, 'decodeTps'), rates(chromeRuns[1]!, 'decodeTps')), 'x'));
    }

    const firefox = await puppeteer.launch({ browser: 'firefox', executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', headless: true });
    try {
      const page = await firefox.newPage();
      page.setDefaultTimeout(0);
      const r = await runSpeedIn(page, site.url, { ...ask(1), cancelAfterMs: undefined });
      console.log(figure(`CPU engine, ${label}, Firefox, 1 thread(s), prefill`, rates(r, 'prefillTps'), 'tok/s'));
      console.log(figure(`CPU engine, ${label}, Firefox, 1 thread(s), decode`, rates(r, 'decodeTps'), 'tok/s'));
    } finally {
      await firefox.close();
    }
  } finally {
    site.close();
  }

  const counts = [...new Set([1, picked])];
  const native = await nativeSpeed(model, counts, prompt, DECODE_TOKENS, RUNS);
  console.log(`native llama.cpp (${native.build} build), model load: ${(native.loadMs / 1000).toFixed(1)} s; memory: ${native.rssMb.toFixed(0)} MB`);
  for (const threads of counts) {
    const runs = { runs: native.byThreads[threads]! };
    console.log(figure(`native llama.cpp (${native.build} build), ${label}, ${threads} thread(s), prefill`, rates(runs, 'prefillTps'), 'tok/s'));
    console.log(figure(`native llama.cpp (${native.build} build), ${label}, ${threads} thread(s), decode`, rates(runs, 'decodeTps'), 'tok/s'));
    console.log(figure(`CPU engine vs native, prefill, ${threads} thread(s)`, ratios(rates(wasm[threads]!, 'prefillTps'), rates(runs, 'prefillTps')), ''));
    console.log(figure(`CPU engine vs native, decode, ${threads} thread(s)`, ratios(rates(wasm[threads]!, 'decodeTps'), rates(runs, 'decodeTps')), ''));
  }
}
