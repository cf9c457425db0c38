/** Files the engines load from the extension itself. */
import { browser } from '#imports';

/** The CPU engine's WebAssembly (llama.cpp), copied into the build by wxt.config.ts. */
export const wllamaWasmUrl = (): string => (browser.runtime.getURL as (path: string) => string)('/wllama.wasm');
