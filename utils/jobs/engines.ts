/** Which engines a host can make, and how. */
import { CpuEngine } from '../llm/cpu-engine';
import { ScriptedEngine } from '../llm/scripted-engine';
import { VARIANT_BREAK } from '../llm/drafts';
import { WebLlmEngine } from '../llm/webllm-engine';
import { ServerEngine } from '../llm/server-engine';
import { BuiltinEngine } from '../llm/builtin-engine';
import { EngineHost } from './host';
import { TEST_BUILD } from '../test-script';

/** An engine host with the engines this build has. */
export function createEngineHost({ runtimeBase }: { runtimeBase: string }): EngineHost {
  return new EngineHost((kind, task) => {
    if (kind === 'cpu') return new CpuEngine({ runtimeBase });
    if (kind === 'server') return new ServerEngine();
    // Chrome's own model, in the output language the task asks for (never in Firefox).
    if (kind === 'builtin' && !import.meta.env.FIREFOX) return new BuiltinEngine(task.lang);
    // A test build's script; a reply with variant breaks answers each call with the next part
    // (draft variants). TEST_BUILD is false in a store build, which leaves this out.
    if (kind === 'scripted' && TEST_BUILD && task.script) {
      const { reply, when = [], delayMs } = task.script;
      return new ScriptedEngine(
        (messages, call) => {
          const rule = when.find((r) => messages.some((m) => m.content.includes(r.contains)));
          const parts = (rule?.reply ?? reply).split(VARIANT_BREAK);
          return parts[call % parts.length]!;
        },
        { pieceDelayMs: delayMs },
      );
    }
    // WebGPU only where this context has it: not in Firefox's engine worker on Linux, and the
    // Firefox build leaves web-llm out altogether.
    if (kind === 'webgpu' && !import.meta.env.FIREFOX && typeof navigator !== 'undefined' && 'gpu' in navigator)
      return new WebLlmEngine();
    return null;
  });
}
