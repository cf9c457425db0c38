/**
 * `npm run bench`: figures, not pass/fail tests (this machine is noisy). One line each:
 * `<name>: <median> <unit> (min <x>, max <y>, n=<runs>)`. Run `npm run build` and
 * `npm run build:firefox` first. BENCH_RUNS sets the number of runs.
 */
import { benchExtraction } from './bench/extract';
import { benchPipeline } from './bench/pipeline';
import { benchEngine } from './bench/engine';

await benchExtraction();
await benchPipeline();
await benchEngine();
