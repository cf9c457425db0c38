import { describe, expect, it } from 'vitest';
import { EngineHost } from '@/utils/jobs/host';
import type { HostEvent, JobTask } from '@/utils/jobs/protocol';
import { EngineError, type ChatMessage, type Engine, type ModelSpec } from '@/utils/llm/engine';
import { ScriptedEngine } from '@/utils/llm/scripted-engine';
import type { Post } from '@/utils/sites/types';

const post = (i: number): Post => ({
  id: String(i), url: null, author: { name: `U${i}`, handle: `u${i}` }, createdAt: null, text: `about gauge ${i}`, lang: null,
  media: [], quoted: null, repostedBy: null, isPromoted: false, isTruncated: false, inReplyToId: null,
});
const model: ModelSpec = { id: 'm1', engine: 'cpu', label: 'M1', url: 'https://models.example/m1.gguf', sizeBytes: 10, contextTokens: 4096 };
const task = (action: JobTask['action'], focus = 2): JobTask => ({ action, posts: [post(1), post(2)], focus, lang: 'fr', engine: 'cpu', model });

/** A CPU-kind engine that counts loads and answers from a script. */
class CountingEngine extends ScriptedEngine {
  loads = 0;
  override async load(m: ModelSpec, o?: { onProgress?: (p: { loaded: number; total: number }) => void }) {
    this.loads++;
    await super.load(m, o);
  }
}

describe('EngineHost', () => {
  it('keeps a loaded model between jobs and runs explain and draft with their own prompts', async () => {
    const engine = new CountingEngine((messages: ChatMessage[]) => `→ ${messages[1]!.content.split('\n').at(-1)}`);
    const host = new EngineHost(() => engine as unknown as Engine);
    const events: HostEvent[] = [];
    const signal = new AbortController().signal;
    const explained = await host.run(task('explain'), (e) => events.push(e), signal);
    expect(explained.text).toBe('→ Explain post [2].');
    const drafted = await host.run(task('draft', 1), () => undefined, signal);
    expect(drafted.text).toBe('→ Draft a reply to post [1].');
    expect(engine.calls[1]![0]!.content).toMatch(/Write in French.*under 280 characters/s);
    expect(engine.loads).toBe(1);
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['progress', 'loaded', 'token']));
  });

  it('says which engine is missing', async () => {
    const host = new EngineHost(() => null);
    await expect(host.run({ ...task('summarize'), engine: 'webgpu' }, () => undefined, new AbortController().signal)).rejects.toBeInstanceOf(EngineError);
  });
});
