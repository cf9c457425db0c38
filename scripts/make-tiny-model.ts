/**
 * Writes the tiny test model's files (scripts/lib/tiny-model.ts: a ChatML chat model with
 * random weights from a fixed seed, as the CPU engine downloads it) into a folder laid out like
 * the model's repository: no download, the same bytes every time.
 *
 *   npx tsx scripts/make-tiny-model.ts [folder]   (default: test-results/tiny-model)
 *
 * It writes nonsense, deterministically: with greedy decoding the text is the same in every
 * browser, so tests can compare it exactly.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tinyOnnxFiles } from './lib/tiny-model';

const out = process.argv[2] ?? 'test-results/tiny-model';
for (const [name, bytes] of Object.entries(tinyOnnxFiles())) {
  mkdirSync(dirname(join(out, name)), { recursive: true });
  writeFileSync(join(out, name), bytes);
  console.log(`${join(out, name)}: ${bytes.length} bytes`);
}
