/**
 * Engine figures: CPU engine tokens per second with the tiny generated model in Chromium and
 * Firefox (a plain local page running the same wllama build), and how many engine calls a
 * 1,000-post thread takes (scripted engine, the real summarizer).
 */
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { ScriptedEngine, SCRIPTED_MODEL } from '../../utils/llm/scripted-engine';
import { summarizeThread, type SummaryStage } from '../../utils/llm/summarize';
import type { Post } from '../../utils/sites/types';
import { figure } from '../lib/stats';
import { tinyChatModel } from '../lib/tiny-model';

const ROOT = resolve(import.meta.dirname, '../..');
const RUNS = Math.max(3, Math.round(Number(process.env.BENCH_RUNS ?? 15) / 3));

async function serveBenchPage() {
  const js = (await build({ entryPoints: [join(ROOT, 'scripts/bench/engine-page.ts')], bundle: true, write: false, format: 'esm', logLevel: 'silent' })).outputFiles[0]!.text;
  const files: Record<string, [string, Buffer | string]> = {
    '/': ['text/html', '<!doctype html><meta charset="utf-8"><script type="module" src="/bench.js"></script>'],
    '/bench.js': ['text/javascript', js],
    '/wllama.wasm': ['application/wasm', readFileSync(join(ROOT, 'node_modules/@wllama/wllama/esm/wasm/wllama.wasm'))],
    '/tiny.gguf': ['application/octet-stream', tinyChatModel()],
  };
  const server = createServer((req, res) => {
    const file = files[req.url ?? ''];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': file[0] }).end(file[1]);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}

async function tokensPerSecond(): Promise<string[]> {
  const site = await serveBenchPage();
  const lines: string[] = [];
  try {
    const cr = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
    const page = await cr.newPage();
    await page.goto(site.url);
    await page.waitForFunction(() => 'runBench' in window);
    const rates = await page.evaluate((n) => (window as unknown as { runBench(n: number): Promise<number[]> }).runBench(n), RUNS);
    lines.push(figure('CPU engine, tiny model, Chromium', rates, 'tokens/s', 0));
    await cr.close();
    const ff = await puppeteer.launch({ browser: 'firefox', executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', headless: true });
    const fpage = await ff.newPage();
    await fpage.goto(site.url);
    await fpage.waitForFunction(() => 'runBench' in window);
    const frates = await fpage.evaluate((n) => (window as unknown as { runBench(n: number): Promise<number[]> }).runBench(n), RUNS);
    lines.push(figure('CPU engine, tiny model, Firefox', frates, 'tokens/s', 0));
    await ff.close();
  } finally {
    site.close();
  }
  return lines;
}

async function callsFor1000Posts(): Promise<string> {
  const posts: Post[] = Array.from({ length: 1000 }, (_, i) => ({
    id: String(i + 1), url: null, author: { name: `User ${i}`, handle: `user${i}` }, createdAt: '2026-03-01T09:00:00.000Z',
    text: `Post ${i + 1}: a reply about wool, needles, gauge and swatches, with an opinion or two.`, lang: 'en',
    media: [], quoted: null, repostedBy: null, isPromoted: false, isTruncated: false, inReplyToId: null,
  }));
  const engine = new ScriptedEngine('- a note [1]');
  await engine.load(SCRIPTED_MODEL);
  const stages: Record<string, number> = {};
  const { calls } = await summarizeThread(engine, posts, { lang: 'en', onStage: (s: SummaryStage) => void (stages[s.step] = (stages[s.step] ?? 0) + 1) });
  return `engine calls for a 1,000-post thread (4k context): ${calls} (map ${stages.map ?? 0}, condense ${stages.condense ?? 0}, final ${stages.final ?? 0})`;
}

/** Prints the engine figures. */
export async function benchEngine(): Promise<void> {
  console.log(await callsFor1000Posts());
  for (const line of await tokensPerSecond()) console.log(line);
}
