/**
 * The engine host: where models load and run (Chrome's offscreen document, Firefox's
 * background page). It keeps a loaded model loaded between jobs, so surfaces can come and go.
 */
import { EngineError, type Engine, type EngineKind } from '../llm/engine';
import { draftMessages, explainMessages, threadBlock } from '../llm/prompts';
import { summarizeThread } from '../llm/summarize';
import type { HostEvent, JobTask } from './protocol';

/** Makes an engine of a kind, once; null where this host cannot run it. */
export type EngineFactory = (kind: EngineKind, task: JobTask) => Engine | null;

export class EngineHost {
  private engines = new Map<EngineKind, Engine>();

  constructor(private factory: EngineFactory) {}

  private engineFor(task: JobTask): Engine {
    // The scripted engine answers from the task itself: a fresh one each time.
    if (task.engine === 'scripted') {
      const scripted = this.factory('scripted', task);
      if (scripted) return scripted;
    }
    let engine = this.engines.get(task.engine);
    if (!engine) {
      const made = this.factory(task.engine, task);
      if (!made) throw new EngineError(`The ${task.engine} engine is not available here.`, task.engine === 'webgpu' ? 'no-webgpu' : 'load');
      engine = made;
      this.engines.set(task.engine, engine);
    }
    return engine;
  }

  /** Runs a task to the end; streams what happens to `emit`. */
  async run(task: JobTask, emit: (e: HostEvent) => void, signal: AbortSignal): Promise<{ text: string; calls: number }> {
    const engine = this.engineFor(task);
    // Only one engine holds memory at a time.
    for (const [kind, other] of this.engines) if (kind !== task.engine && other.loaded()) await other.unload();
    if (engine.loaded()?.id !== task.model.id) {
      await engine.load(task.model, { signal, onProgress: (progress) => emit({ type: 'progress', progress }) });
    }
    emit({ type: 'loaded', model: task.model });
    const onToken = (text: string) => emit({ type: 'token', text });
    if (task.action === 'summarize') {
      return summarizeThread(engine, task.posts, { lang: task.lang, signal, onToken, onStage: (stage) => emit({ type: 'stage', stage }) });
    }
    const block = threadBlock(task.posts.map((post, i) => ({ post, number: i + 1 })));
    const messages = task.action === 'explain' ? explainMessages(block, task.focus, task.lang) : draftMessages(block, task.focus, task.lang);
    const text = await engine.generate(messages, { signal, maxTokens: task.action === 'draft' ? 160 : 400, temperature: 0, onToken });
    return { text, calls: 1 };
  }
}
