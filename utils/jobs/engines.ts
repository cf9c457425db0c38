/** Which engines a host can make, and how. */
import { CpuEngine } from '../llm/cpu-engine';
import { ScriptedEngine } from '../llm/scripted-engine';
import { EngineHost } from './host';

/** An engine host with the engines this build has. */
export function createEngineHost({ wasmUrl }: { wasmUrl: string }): EngineHost {
  return new EngineHost((kind, task) => {
    if (kind === 'cpu') return new CpuEngine({ wasmUrl });
    if (kind === 'scripted') return new ScriptedEngine(task.scriptedReply ?? '');
    return null; // WebGPU (web-llm) joins here.
  });
}
