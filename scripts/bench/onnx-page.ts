/** The browser page of the onnxruntime-web figures: fetches the generated model and times it. */
import * as ort from 'onnxruntime-web';
import { measureOnnx, type OnnxAsk, type OnnxResult } from './onnx-run';

ort.env.wasm.wasmPaths = '/ort/';

(window as unknown as { runOnnx(ask: OnnxAsk): Promise<OnnxResult & { isolated: boolean }> }).runOnnx = async (ask) => {
  const bytes = new Uint8Array(await (await fetch('/model.onnx')).arrayBuffer());
  return { ...(await measureOnnx(ort, bytes, ask)), isolated: crossOriginIsolated };
};
