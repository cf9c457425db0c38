import { serveHost } from '@/utils/jobs/host-link';
import { createEngineHost } from '@/utils/jobs/engines';
import { wllamaWasmUrl } from '@/utils/llm/assets';

/** Chrome's engine host page: wiring only. */
serveHost(createEngineHost({ wasmUrl: wllamaWasmUrl() }));
