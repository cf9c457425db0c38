/**
 * Engine figures: CPU engine tokens per second with the tiny generated model in Chromium and
 * Firefox (a plain local page running the engine's runtime and loop), and how many engine calls a
 * 1,000-post thread takes (scripted engine, the real summarizer).
 */
import { chromium } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { ScriptedEngine, SCRIPTED_MODEL } from '../../utils/llm/scripted-engine';
import { summarizeThread, type SummaryStage } from '../../utils/llm/summarize';
import type { Post } from '../../utils/sites/types';
import { figure } from '../lib/stats';
import { MODEL_CACHE } from '../lib/real-size-model';
import { tinyOnnxFiles, tinyShape } from '../lib/tiny-model';
import { ONNX_PAGE, serveSpeedPage } from './cpu-speed';
import { runOnnxIn, type BenchPage } from './onnx';
import type { OnnxAsk } from './onnx-run';
import { newPost } from '../../utils/sites/post';

const RUNS = Math.max(3, Math.round(Number(process.env.BENCH_RUNS ?? 15) / 3));

async function tokensPerSecond(): Promise<string[]> {
  mkdirSync(MODEL_CACHE, { recursive: true });
  const path = join(MODEL_CACHE, 'tiny.onnx');
  writeFileSync(path, tinyOnnxFiles()['onnx/model_quantized.onnx']!);
  const shape = tinyShape();
  const ask: OnnxAsk = {
    threads: 1,
    promptTokens: 16,
    decodeTokens: 64,
    runs: RUNS,
    layers: shape.layers,
    kvHeads: shape.kvHeads,
    headDim: shape.embd / shape.heads,
    vocab: shape.vocab,
  };
  const site = await serveSpeedPage(path, ONNX_PAGE);
  const lines: string[] = [];
  const measure = async (page: BenchPage) => (await runOnnxIn(page, site.url, ask)).runs.map((r) => r.decodeTps);
  try {
    const cr = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox'],
    });
    lines.push(figure('CPU engine, tiny model, Chromium', await measure(await cr.newPage()), 'tokens/s', 0));
    await cr.close();
    const ff = await puppeteer.launch({
      browser: 'firefox',
      executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
      headless: true,
    });
    lines.push(
      figure(
        'CPU engine, tiny model, Firefox',
        await measure((await ff.newPage()) as unknown as BenchPage),
        'tokens/s',
        0,
      ),
    );
    await ff.close();
  } finally {
    site.close();
  }
  return lines;
}

async function callsFor1000Posts(): Promise<string> {
  const posts: Post[] = Array.from({ length: 1000 }, (_, i) =>
    newPost({
      id: String(i + 1),
      url: null,
      author: { name: `User ${i}`, handle: `user${i}` },
      createdAt: '2026-03-01T09:00:00.000Z',
      text: `Post ${i + 1}: a reply about wool, needles, gauge and swatches, with an opinion or two.`,
      lang: 'en',
    }),
  );
  const engine = new ScriptedEngine('- a note [1]');
  await engine.load(SCRIPTED_MODEL);
  const stages: Record<string, number> = {};
  const { calls } = await summarizeThread(engine, posts, {
    lang: 'en',
    onStage: (s: SummaryStage) => void (stages[s.step] = (stages[s.step] ?? 0) + 1),
  });
  return (
    `engine calls for a 1,000-post thread (4k context): ${calls} (map ${stages.map ?? 0}, condense ` +
    `${stages.condense ?? 0}, final ${stages.final ?? 0})`
  );
}

/** Prints the engine figures. */
export async function benchEngine(): Promise<void> {
  console.log(await callsFor1000Posts());
  for (const line of await tokensPerSecond()) console.log(line);
}
