/**
 * Real-size CPU-engine figures, on models of the default CPU model's shapes and size:
 * - the CPU engine as Skein runs it (onnxruntime-web's WebAssembly build, Skein's generation
 *   loop and prompt steps, int8 weights) in Chromium at one thread and at the count Skein
 *   picks, in Firefox at one thread (its background page cannot be isolated), and in Node;
 * - the previous CPU engine (llama.cpp in WebAssembly through wllama, Skein's old load
 *   parameters) in Chromium on the GGUF file, for the before and after;
 * - native llama.cpp's AVX2 build on the Q8_0 GGUF file (8-bit, like the engine's int8) at
 *   the same thread counts; ratios pair by pair; load times; peak memory.
 */
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { cpuThreads } from '../../utils/llm/cpu-engine';
import { realSizeModel, type RealSizeQuant } from '../lib/real-size-model';
import { figure } from '../lib/stats';
import { promptOf, runSpeedIn, serveSpeedPage, type SpeedResult } from './cpu-speed';
import { nativeSpeed } from './native';
import { benchOnnx } from './onnx';

const RUNS = Number(process.env.BENCH_CPU_RUNS ?? 3);
const PROMPT_TOKENS = 128;
const DECODE_TOKENS = 32;
/** The previous engine's file (its default model was Q4_K_M). */
const OLD_QUANT = (process.env.BENCH_CPU_QUANT ?? 'q4km') as RealSizeQuant;

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

type Runs = { runs: { prefillTps: number; decodeTps: number }[] };
const rates = (r: Runs, key: 'prefillTps' | 'decodeTps') => r.runs.map((x) => x[key]);
/** Ratios of paired runs (run i of one against run i of the other). */
const ratios = (a: number[], b: number[]) => a.map((v, i) => v / b[i]!);

/** The previous engine (wllama) in Chromium at `threads`, with the load parameters Skein gave it. */
async function previousEngine(threads: number): Promise<SpeedResult> {
  const site = await serveSpeedPage(realSizeModel(OLD_QUANT));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox'],
  });
  try {
    const page = await browser.newPage();
    const step = threads >= 2 ? 16 : 8;
    return await runSpeedIn(page, site.url, {
      threads,
      runs: RUNS,
      prompt: promptOf(PROMPT_TOKENS),
      decodeTokens: DECODE_TOKENS,
      load: { n_batch: step, n_ubatch: step },
    });
  } finally {
    await browser.close();
    site.close();
  }
}

/** Prints the real-size CPU-engine figures. */
export async function benchCpu(): Promise<void> {
  const picked = cpuThreads(cpus().length, true);
  const counts = [...new Set([1, picked])];
  const { result: engine, peakMb } = await peakRss('chromium', () =>
    benchOnnx('int8', counts, RUNS, { node: true, firefox: false, cancelAt: picked, longContext: 1800 }),
  );
  const firefox = await benchOnnx('int8', [], RUNS, { node: false, firefox: true, cancelAt: 0 });
  const chrome = (threads: number) => engine[`Chromium, ${threads} thread(s)`]!;
  console.log(
    `CPU engine, real-size model (int8), Chromium, session created in ${(chrome(picked).loadMs / 1000).toFixed(1)} ` +
      `s; peak memory of one process: ${peakMb.toFixed(0)} MB`,
  );
  if (picked !== 1) {
    console.log(
      figure(
        `Chromium, ${picked} threads vs 1, prefill`,
        ratios(rates(chrome(picked), 'prefillTps'), rates(chrome(1), 'prefillTps')),
        'x',
      ),
    );
    console.log(
      figure(
        `Chromium, ${picked} threads vs 1, decode`,
        ratios(rates(chrome(picked), 'decodeTps'), rates(chrome(1), 'decodeTps')),
        'x',
      ),
    );
  }
  const ff = firefox['Firefox, 1 thread(s)']!;
  console.log(
    figure(
      'Firefox vs Chromium, 1 thread, prefill',
      ratios(rates(ff, 'prefillTps'), rates(chrome(1), 'prefillTps')),
      'x',
    ),
  );

  const before = await previousEngine(picked);
  const label = `previous CPU engine (wllama), real-size model (${OLD_QUANT}), Chromium, ${picked} thread(s)`;
  console.log(figure(`${label}, prefill`, rates(before, 'prefillTps'), 'tok/s'));
  console.log(figure(`${label}, decode`, rates(before, 'decodeTps'), 'tok/s'));
  console.log(
    figure(
      `CPU engine vs previous, prefill, ${picked} thread(s)`,
      ratios(rates(chrome(picked), 'prefillTps'), rates(before, 'prefillTps')),
      'x',
    ),
  );
  console.log(
    figure(
      `CPU engine vs previous, decode, ${picked} thread(s)`,
      ratios(rates(chrome(picked), 'decodeTps'), rates(before, 'decodeTps')),
      'x',
    ),
  );

  const native = await nativeSpeed(realSizeModel('q8_0'), counts, promptOf(PROMPT_TOKENS), DECODE_TOKENS, RUNS);
  console.log(
    `native llama.cpp (${native.build} build), model load: ${(native.loadMs / 1000).toFixed(1)} s; memory: ` +
      `${native.rssMb.toFixed(0)} MB`,
  );
  for (const threads of counts) {
    const runs = { runs: native.byThreads[threads]! };
    console.log(
      figure(
        `native llama.cpp (${native.build} build), real-size model (q8_0), ${threads} thread(s), prefill`,
        rates(runs, 'prefillTps'),
        'tok/s',
      ),
    );
    console.log(
      figure(
        `native llama.cpp (${native.build} build), real-size model (q8_0), ${threads} thread(s), decode`,
        rates(runs, 'decodeTps'),
        'tok/s',
      ),
    );
    console.log(
      figure(
        `CPU engine vs native, prefill, ${threads} thread(s)`,
        ratios(rates(chrome(threads), 'prefillTps'), rates(runs, 'prefillTps')),
        '',
      ),
    );
    console.log(
      figure(
        `CPU engine vs native, decode, ${threads} thread(s)`,
        ratios(rates(chrome(threads), 'decodeTps'), rates(runs, 'decodeTps')),
        '',
      ),
    );
  }
}
