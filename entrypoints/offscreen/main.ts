import { serveHost } from '@/utils/jobs/host-link';
import { createEngineHost } from '@/utils/jobs/engines';
import { cpuRuntimeBase } from '@/utils/llm/assets';

/** Chrome's engine host page: wiring only. */
serveHost(createEngineHost({ runtimeBase: cpuRuntimeBase() }));
