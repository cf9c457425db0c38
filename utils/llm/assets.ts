/** Files the engines load from the extension itself. */
import { browser } from '#imports';

/** The folder of the CPU engine's WebAssembly runtime (ONNX Runtime), copied into the build by wxt.config.ts. */
export const cpuRuntimeBase = (): string => (browser.runtime.getURL as (path: string) => string)('/ort/');
