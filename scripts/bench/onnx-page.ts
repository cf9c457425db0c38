/**
 * The browser page of the onnxruntime-web figures: fetches the generated model and times it,
 * on the page's own thread (`runOnnx`) or in a dedicated worker (`ask.inWorker`): the same
 * bundle, started again as a module worker.
 */
import * as ort from 'onnxruntime-web';
import { readWithRoom } from '../../utils/llm/onnx-last-logits';
import { measureOnnx, type OnnxAsk, type OnnxResult } from './onnx-run';

ort.env.wasm.wasmPaths = '/ort/';

type Answer = OnnxResult & { isolated: boolean };

async function measureHere(ask: OnnxAsk): Promise<Answer> {
  // Read as the engine reads its file: into a buffer with room for the last-position edit.
  const file = await (await fetch('/model.onnx')).blob();
  return { ...(await measureOnnx(ort, await readWithRoom(file), ask, file.size)), isolated: crossOriginIsolated };
}

if (typeof window === 'undefined') {
  // In the worker: one measurement per message.
  self.onmessage = async (event: MessageEvent<OnnxAsk>) => self.postMessage(await measureHere(event.data));
} else {
  (window as unknown as { runOnnx(ask: OnnxAsk): Promise<Answer> }).runOnnx = (ask) => {
    if (!ask.inWorker) return measureHere(ask);
    const worker = new Worker('/bench.js', { type: 'module' });
    return new Promise<Answer>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<Answer>) => {
        worker.terminate();
        resolve(event.data);
      };
      worker.onerror = (event) => reject(new Error(event.message));
      worker.postMessage(ask);
    });
  };
}
