/**
 * The engine host: where models load and run (Chrome's offscreen document, Firefox's
 * background page). It keeps a loaded model loaded between jobs, so surfaces can come and go.
 */
import { EngineError, withinContext, type Engine, type EngineKind, type GenerationSpeed } from '../llm/engine';
import { explainMessages, postsAround, threadBlock } from '../llm/prompts';
import { chatMessages } from '../llm/chat';
import { DEFAULT_DRAFT, VARIANT_BREAK, VARIANT_COUNT, cleanDraft, draftMessages, joinVariants } from '../llm/drafts';
import { summarizeThread } from '../llm/summarize';
import type { HostEvent, JobTask } from './protocol';

/** Makes an engine of a kind, once; null where this host cannot run it. */
export type EngineFactory = (kind: EngineKind, task: JobTask) => Engine | null;

/** Tokens for an answer (explain, chat), for one draft variant, and for the instructions. */
const REPLY_TOKENS = 400;
const DRAFT_TOKENS = 120;
const PROMPT_TOKENS = 300;

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
    const engine = reportingSpeed(this.engineFor(task), (speed) => emit({ type: 'speed', speed }));
    if (engine.loaded()?.id !== task.model.id && !task.allowDownload && !(await engine.hasModel(task.model))) {
      // The first download is the user's choice: it is the one thing Skein fetches.
      throw new EngineError(`${task.model.label} is not on this device yet.`, 'needs-model');
    }
    // Only one engine holds memory at a time.
    for (const [kind, other] of this.engines) if (kind !== task.engine && other.loaded()) await other.unload();
    if (engine.loaded()?.id !== task.model.id) {
      await engine.load(task.model, { signal, onProgress: (progress) => emit({ type: 'progress', progress }) });
    }
    emit({ type: 'loaded', model: task.model });
    if (task.action === 'download') return { text: '', calls: 0 };
    const onToken = (text: string) => emit({ type: 'token', text });
    if (task.action === 'summarize') {
      return summarizeThread(engine, task.posts, { lang: task.lang, signal, onToken, onStage: (stage) => emit({ type: 'stage', stage }) });
    }
    // Explain, draft and chat see the posts around the one they are about, as many as fit;
    // fewer when the model counts more tokens than the estimate.
    return withinContext((scale) => {
      const budget = Math.floor(Math.max(2000, (task.model.contextTokens - REPLY_TOKENS - PROMPT_TOKENS) * 3) * scale);
      const block = task.posts.length ? threadBlock(postsAround(task.posts, task.focus, budget)) : null;
      if (task.action === 'draft') return this.draft(engine, task, block, onToken, signal);
      const thread = block ?? threadBlock([]);
      const messages = task.action === 'chat' && task.chat
        ? chatMessages(thread, task.lang, task.chat.turns, task.chat.question)
        : explainMessages(thread, task.focus, task.lang, task.selection);
      return engine.generate(messages, { signal, maxTokens: REPLY_TOKENS, temperature: 0, onToken }).then((text) => ({ text, calls: 1 }));
    }, REPLY_TOKENS);
  }

  /** Three variants, one after the other, each streamed; the first is the most likely reply. */
  private async draft(engine: Engine, task: JobTask, block: string | null, onToken: (t: string) => void, signal: AbortSignal) {
    const options = task.draft ?? DEFAULT_DRAFT;
    const variants: string[] = [];
    for (let i = 0; i < VARIANT_COUNT; i++) {
      if (i > 0) onToken(VARIANT_BREAK);
      const text = await engine.generate(draftMessages(block, task.focus, task.lang, options, i), {
        signal, maxTokens: DRAFT_TOKENS, temperature: i === 0 ? 0 : 0.8, onToken,
      });
      variants.push(cleanDraft(text));
    }
    return { text: joinVariants(variants), calls: VARIANT_COUNT };
  }
}

/**
 * The engine as the host uses it: every generation, however deep in a task (map-reduce
 * steps, draft variants), reports its speed.
 */
function reportingSpeed(engine: Engine, report: (speed: GenerationSpeed) => void): Engine {
  return {
    kind: engine.kind,
    loaded: () => engine.loaded(),
    hasModel: (model) => engine.hasModel(model),
    load: (model, options) => engine.load(model, options),
    generate: (messages, options) => engine.generate(messages, { ...options, onSpeed: report }),
    countTokens: (text) => engine.countTokens(text),
    unload: () => engine.unload(),
  };
}
