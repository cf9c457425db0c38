/**
 * The default CPU model's shapes as the CPU engine downloads them (Qwen2.5 0.5B's architecture
 * and size, random weights): for the speed figures and for the end-to-end test that runs the
 * built extension on a model of the real size. Generated once and kept outside git.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decoderOnnx, REAL_SIZE, type OnnxWeights } from './onnx';
import { MODEL_CACHE } from './real-size-model';
import { chatTokenizerFiles, modelConfig } from './tiny-model';

/** The generated model file, written once per weight format and kept with the GGUF files. */
export function onnxModelPath(weights: OnnxWeights): string {
  mkdirSync(MODEL_CACHE, { recursive: true });
  const path = join(MODEL_CACHE, `qwen2.5-0.5b-shape-${weights}.onnx`);
  if (!existsSync(path)) {
    // Whole or not at all: a run stopped halfway leaves no half-written model behind.
    writeFileSync(`${path}.part`, decoderOnnx(REAL_SIZE, weights));
    renameSync(`${path}.part`, path);
  }
  return path;
}

/**
 * The real-size model's files for the built extension: the int8 decoder, a tokenizer of the
 * real vocabulary's size (its English reads at about a token a word, like the real one's), and
 * the settings, by path under the model repository's root.
 */
export function realSizeOnnxFiles(): Record<string, Buffer> {
  const { tokenizer, tokenizerConfig, eos } = chatTokenizerFiles(REAL_SIZE.vocab);
  const json = (v: unknown) => Buffer.from(JSON.stringify(v));
  return {
    'onnx/model_quantized.onnx': readFileSync(onnxModelPath('int8')),
    'tokenizer.json': json(tokenizer),
    'tokenizer_config.json': json(tokenizerConfig),
    'config.json': json(modelConfig(REAL_SIZE, eos)),
  };
}
