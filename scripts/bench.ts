/**
 * `npm run bench`: figures, not pass/fail tests (this machine is noisy). One line each:
 * `<name>: <median> <unit> (min <x>, max <y>, n=<runs>)`. Run `npm run build` and
 * `npm run build:firefox` first. BENCH_RUNS sets the number of runs; BENCH_CPU_RUNS those of
 * the real-size CPU-engine figures (3), BENCH_CPU_QUANT their model (q4km, q4_0 or q8_0).
 */
import { benchExtraction } from './bench/extract';
import { benchPipeline } from './bench/pipeline';
import { benchEngine } from './bench/engine';
import { benchCpu } from './bench/cpu';
import { benchFlow } from './bench/flow';

await benchExtraction();
await benchPipeline();
await benchEngine();
// The real-size model takes minutes on 2 cores: BENCH_CPU=0 leaves it out.
if (process.env.BENCH_CPU !== '0') {
  await benchCpu();
  await benchFlow();
}
