/**
 * Writes a tiny llama-architecture chat model with random weights (fixed seed) as GGUF, for
 * tests and benchmarks of the CPU engine: no download, the same bytes every time.
 *
 *   npx tsx scripts/make-tiny-model.ts [out.gguf]   (default: test-results/tiny-chat.gguf)
 *
 * It writes nonsense, deterministically: with greedy sampling and a fixed seed the text is the
 * same in every browser, so tests can compare it exactly.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { tinyChatModel } from './lib/tiny-model';

const out = process.argv[2] ?? 'test-results/tiny-chat.gguf';
mkdirSync(dirname(out), { recursive: true });
const bytes = tinyChatModel();
writeFileSync(out, bytes);
console.log(`${out}: ${bytes.length} bytes`);
