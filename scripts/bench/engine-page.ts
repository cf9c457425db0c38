/** The page the CPU-engine benchmark runs in a browser: loads the tiny model, times generations. */
import { Wllama } from '@wllama/wllama';

(window as unknown as { runBench(runs: number): Promise<number[]> }).runBench = async (runs: number) => {
  const wllama = new Wllama({ default: '/wllama.wasm' }, { suppressNativeLog: true });
  await wllama.loadModelFromUrl('/tiny.gguf', { n_ctx: 1024, n_gpu_layers: 0, n_parallel: 1, seed: 42, useCache: false });
  const rates: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const start = performance.now();
    const out = await wllama.createChatCompletion({ messages: [{ role: 'user', content: `Summarize thread number ${i}.` }], max_tokens: 64, temperature: 0 });
    const seconds = (performance.now() - start) / 1000;
    if (i > 0) rates.push((out.usage?.completion_tokens ?? 0) / seconds);
  }
  await wllama.exit();
  return rates;
};
