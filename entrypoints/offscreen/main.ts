import { serveHost } from '@/utils/jobs/host-link';
import { createEngineHost } from '@/utils/jobs/engines';
import { cpuRuntimeBase } from '@/utils/llm/assets';
import { installFakeLanguageModel } from '@/utils/llm/fake-language-model';
import { sendMessage } from '@/utils/messaging';

/** Chrome's engine host page: wiring only. A test build may stand a fake in for Chrome's model first. */
// It has no storage API: the background reads the test's setup for it.
void installFakeLanguageModel(() => sendMessage('testBuiltin', undefined)).finally(() =>
  serveHost(createEngineHost({ runtimeBase: cpuRuntimeBase() })),
);
