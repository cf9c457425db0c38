/**
 * The engine host: where models load and run (Chrome's offscreen document, Firefox's engine
 * worker). It keeps a loaded model loaded between jobs, so surfaces can come and go.
 */
import {
  EngineError,
  estimateTokens,
  withinContext,
  type ChatMessage,
  type Engine,
  type EngineKind,
  type GenerationSpeed,
} from '../llm/engine';
import { explainMessages, systemPrompt, threadBlock } from '../llm/prompts';
import { chatMessages } from '../llm/chat';
import { whatsNew } from '../llm/whats-new';
import { learnVoice } from '../llm/voice';
import {
  DEFAULT_DRAFT,
  type DraftOptions,
  VARIANT_BREAK,
  VARIANT_COUNT,
  cleanDraft,
  draftMessages,
  joinVariants,
  lengthLimit,
} from '../llm/drafts';
import { dataBudget, summarizeThread, TASK_TOKENS, type SpeedEstimate } from '../llm/summarize';
import { planPosts, planReading, postCost, readingAll, timeBudget, type ReadingPlan } from '../llm/reading';
import type { HostEvent, JobTask, ReadingReport } from './protocol';
import type { Post } from '../sites/types';
import { deviceMemoryGib, memoryShortfall } from '../llm/memory';
import { SCRIPTED_MODEL } from '../llm/scripted-engine';
import { TEST_BUILD } from '../test-script';

/** Makes an engine of a kind, once; null where this host cannot run it. */
export type EngineFactory = (kind: EngineKind, task: JobTask) => Engine | null;

/** Tokens for an answer (explain, chat), for one draft variant, and for the instructions. */
const REPLY_TOKENS = 400;
const DRAFT_TOKENS = 120;

/**
 * The tokens a draft may take: enough for its length on its site (about three characters a
 * token), so a Reddit comment is not cut where an X reply would end.
 */
const draftTokens = (options: DraftOptions) =>
  Math.max(DRAFT_TOKENS, Math.ceil(lengthLimit(options.length, options.limit) / 3));
const PROMPT_TOKENS = 300;
/** Measurements kept per model for its speed estimate (the median of them). */
const SPEED_SAMPLES = 5;

/** Which posts a thread block holds: jobs on the same posts read the same block. */
const threadKey = (posts: Post[]) => posts.map((p) => `${p.id}:${p.text.length}`).join('|');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export class EngineHost {
  private engines = new Map<EngineKind, Engine>();
  /** Measured speeds by engine and model, newest last, with the model's tokens per estimated token. */
  private samples = new Map<string, (GenerationSpeed & { ratio: number })[]>();
  /** The posts of the last thread block the engine read, to read the same block again. */
  private lastRead: { key: string; numbers: number[] } | null = null;
  /** The engine made for the last task that gets a fresh one (scripted, Chrome's model). */
  private fresh: Engine | null = null;

  /** `deviceGib`: the device's memory in GiB as the browser tells it (null: unknown). */
  constructor(
    private factory: EngineFactory,
    private deviceGib: () => number | null = deviceMemoryGib,
  ) {}

  private engineFor(task: JobTask): Engine {
    // The scripted engine answers from the task itself, Chrome's model in the task's language:
    // a fresh one each time (Chrome holds the model, not the engine).
    if (task.engine === 'scripted' || task.engine === 'builtin') {
      const made = this.factory(task.engine, task);
      if (made) {
        // The one before lets go of what it holds (Chrome's model: its session).
        void this.fresh?.unload().catch(() => undefined);
        this.fresh = made;
        return made;
      }
    }
    let engine = this.engines.get(task.engine);
    if (!engine) {
      const made = this.factory(task.engine, task);
      if (!made)
        throw new EngineError(
          `The ${task.engine} engine is not available here.`,
          task.engine === 'webgpu' ? 'no-webgpu' : 'load',
        );
      engine = made;
      this.engines.set(task.engine, engine);
    }
    return engine;
  }

  /** The speed estimate for a model: the median of its recent measurements. */
  speedOf(kind: EngineKind, modelId: string): SpeedEstimate | null {
    const kept = this.samples.get(`${kind}:${modelId}`);
    if (!kept?.length) return null;
    return {
      prefillTps: median(kept.map((s) => s.prefillTps)),
      decodeTps: median(kept.map((s) => s.decodeTps)),
      tokensPerEstimate: median(kept.map((s) => s.ratio)),
    };
  }

  private measured(kind: EngineKind, modelId: string, speed: GenerationSpeed, messages: ChatMessage[]): void {
    // Too few tokens time the overhead, not the speed.
    if (speed.promptTokens < 16 || speed.decodeTokens < 1 || !speed.prefillTps || !speed.decodeTps) return;
    // The model's own count of the whole prompt against Skein's estimate of it: budgets are
    // planned in estimated tokens, and a model may count twice as many (other scripts, emoji).
    const ratio =
      (speed.promptTokens + speed.cachedTokens) /
      Math.max(1, estimateTokens(messages.map((m) => m.content).join('\n')));
    const key = `${kind}:${modelId}`;
    this.samples.set(key, [...(this.samples.get(key) ?? []), { ...speed, ratio }].slice(-SPEED_SAMPLES));
  }

  /**
   * The speed to size a task by. The scripted engine has the task's; a CPU engine not yet
   * measured reads the shared system prompt once (every job starts with it, so its reading
   * is kept for the job that follows) and is timed on that.
   */
  private async speedFor(engine: Engine, task: JobTask, signal: AbortSignal): Promise<SpeedEstimate | null> {
    if (task.engine === 'scripted')
      return task.script?.prefillTps ? { prefillTps: task.script.prefillTps, decodeTps: task.script.prefillTps } : null;
    const known = this.speedOf(task.engine, task.model.id);
    if (known || engine.kind !== 'cpu') return known;
    await engine.generate(
      [
        { role: 'system', content: systemPrompt(task.lang) },
        { role: 'user', content: 'Reply with OK.' },
      ],
      { signal, maxTokens: 2, temperature: 0 },
    );
    return this.speedOf(task.engine, task.model.id);
  }

  /**
   * The posts explain, draft and chat read: the block the engine read last for this thread
   * when it still fits the context (its reading is kept, so it costs no time: held to the time
   * budget, a speed measured a little lower would pick other posts and read them all again),
   * else the posts that matter most within `budget` (context and time).
   */
  private readFor(task: JobTask, budget: number, room: number): ReadingPlan {
    const key = threadKey(task.posts);
    const last = this.lastRead?.key === key ? this.lastRead.numbers : null;
    if (last?.includes(task.focus)) {
      const tokens = last.reduce((sum, number) => sum + postCost(task.posts[number - 1]!, number), 0);
      if (tokens <= room)
        return {
          numbers: last,
          total: task.posts.length,
          reasons: last.length < task.posts.length ? ['focus'] : [],
          tokens,
        };
    }
    return planReading(task.posts, task.focus, budget);
  }

  /** Runs a task to the end; streams what happens to `emit`. */
  async run(
    asked: JobTask,
    emit: (e: HostEvent) => void,
    signal: AbortSignal,
  ): Promise<{ text: string; calls: number }> {
    // A test build's script answers in place of the engine asked for, as the scripted engine
    // and model here, so the engine's own speeds and loaded model stay its own.
    const task: JobTask = TEST_BUILD && asked.script ? { ...asked, engine: 'scripted', model: SCRIPTED_MODEL } : asked;
    const engine = reportingSpeed(this.engineFor(task), (speed, messages) => {
      this.measured(task.engine, task.model.id, speed, messages);
      emit({ type: 'speed', speed });
    });
    const short = engine.loaded()?.id === task.model.id ? null : memoryShortfall(task.model, this.deviceGib());
    if (short) {
      // Said before the download: the model would not load after it.
      const gb = (bytes: number) => (bytes / 1024 ** 3).toFixed(1);
      throw new EngineError(
        `${task.model.label} needs about ${gb(short.needed)} GB of memory; Skein can use about ` +
          `${gb(short.available)} GB on this device. Pick a smaller model in Skein’s options.`,
        'too-big',
      );
    }
    if (engine.loaded()?.id !== task.model.id && !task.allowDownload && !(await engine.hasModel(task.model))) {
      // The first download is the user's choice: it is the one thing Skein fetches.
      throw new EngineError(`${task.model.label} is not on this device yet.`, 'needs-model');
    }
    // Only one engine holds memory at a time.
    for (const [kind, other] of this.engines) if (kind !== task.engine && other.loaded()) await other.unload();
    if (engine.loaded()?.id !== task.model.id) {
      this.lastRead = null;
      await engine.load(task.model, { signal, onProgress: (progress) => emit({ type: 'progress', progress }) });
    }
    emit({ type: 'loaded', model: task.model });
    // The context as the engine measured it once loaded (Chrome's model says its own).
    const context = engine.loaded()?.contextTokens ?? task.model.contextTokens;
    // Timed as part of getting ready (a download loads the model too), so the first click's
    // wait is the reading its budget allows, not a calibration before it.
    const speed = await this.speedFor(engine, task, signal);
    if (task.action === 'download') return { text: '', calls: 0 };
    const onToken = (text: string) => emit({ type: 'token', text });
    // In estimated tokens, as the plans count: the model's own count may be higher.
    const readBudget = task.readAll
      ? Number.POSITIVE_INFINITY
      : timeBudget(speed?.prefillTps, TASK_TOKENS) / (speed?.tokensPerEstimate ?? 1);
    const report = (plan: ReadingPlan) => {
      this.lastRead = { key: threadKey(task.posts), numbers: plan.numbers };
      emit({ type: 'reading', reading: readingReport(task.posts, plan, speed) });
    };
    if (task.action === 'summarize' || task.action === 'catch-up') {
      return summarizeThread(engine, task.posts, {
        timeline: task.action === 'catch-up',
        lang: task.lang,
        signal,
        onToken,
        focus: task.focus,
        readBudget,
        speed,
        onPlan: report,
        onStage: (stage) => emit({ type: 'stage', stage }),
      });
    }
    if (task.action === 'whats-new' && task.news) {
      const news = task.news;
      return withinContext(async (scale) => {
        const room = Math.floor(dataBudget(context, REPLY_TOKENS + PROMPT_TOKENS) * scale);
        return whatsNew(engine, task.posts, news, {
          lang: task.lang,
          room: Math.min(readBudget, room),
          maxTokens: REPLY_TOKENS,
          signal,
          onToken,
          onRead: (read) =>
            emit({ type: 'reading', reading: { read: read.length, total: news.numbers.length, reasons: [] } }),
        });
      }, REPLY_TOKENS);
    }
    if (task.action === 'learn-voice') {
      return withinContext(
        (scale) =>
          learnVoice(engine, task.posts, {
            lang: task.lang,
            room: Math.min(readBudget, Math.floor(dataBudget(context, REPLY_TOKENS + PROMPT_TOKENS) * scale)),
            signal,
            onToken,
            onRead: (read) => emit({ type: 'reading', reading: { read, total: task.posts.length, reasons: [] } }),
          }),
        REPLY_TOKENS,
      );
    }
    // Explain, draft and chat read the posts that matter most for the focused one, as many
    // as fit in time; fewer when the model counts more tokens than the estimate.
    return withinContext((scale) => {
      const room = Math.floor(dataBudget(context, REPLY_TOKENS + PROMPT_TOKENS) * scale);
      const plan = task.posts.length ? this.readFor(task, Math.min(readBudget, room), room) : null;
      if (plan) report(plan);
      const block = plan ? threadBlock(planPosts(task.posts, plan)) : null;
      if (task.action === 'draft') return this.draft(engine, task, block, onToken, signal);
      const thread = block ?? threadBlock([]);
      const messages =
        task.action === 'chat' && task.chat
          ? chatMessages(thread, task.lang, task.chat.turns, task.chat.question)
          : explainMessages(thread, task.focus, task.lang, task.selection);
      return engine
        .generate(messages, { signal, maxTokens: REPLY_TOKENS, temperature: 0, onToken })
        .then((text) => ({ text, calls: 1 }));
    }, REPLY_TOKENS);
  }

  /** Three variants, one after the other, each streamed; the first is the most likely reply. */
  private async draft(
    engine: Engine,
    task: JobTask,
    block: string | null,
    onToken: (t: string) => void,
    signal: AbortSignal,
  ) {
    const options = task.draft ?? DEFAULT_DRAFT;
    const variants: string[] = [];
    for (let i = 0; i < VARIANT_COUNT; i++) {
      if (i > 0) onToken(VARIANT_BREAK);
      const text = await engine.generate(draftMessages(block, task.focus, task.lang, options, i, task.voice), {
        signal,
        maxTokens: draftTokens(options),
        temperature: i === 0 ? 0 : 0.8,
        onToken,
      });
      variants.push(cleanDraft(text, options.limit));
    }
    return { text: joinVariants(variants), calls: VARIANT_COUNT };
  }
}

/** What the panel says about what was read: how many posts, why those, and how long all would take. */
export function readingReport(posts: Post[], plan: ReadingPlan, speed: SpeedEstimate | null): ReadingReport {
  const allSeconds = speed?.prefillTps
    ? Math.round((readingAll(posts).tokens * (speed.tokensPerEstimate ?? 1)) / speed.prefillTps)
    : undefined;
  return { read: plan.numbers.length, total: plan.total, reasons: plan.reasons, allSeconds };
}

/**
 * The engine as the host uses it: every generation, however deep in a task (map-reduce
 * steps, draft variants), reports its speed.
 */
function reportingSpeed(engine: Engine, report: (speed: GenerationSpeed, messages: ChatMessage[]) => void): Engine {
  return {
    kind: engine.kind,
    loaded: () => engine.loaded(),
    hasModel: (model) => engine.hasModel(model),
    load: (model, options) => engine.load(model, options),
    generate: (messages, options) =>
      engine.generate(messages, { ...options, onSpeed: (speed) => report(speed, messages) }),
    countTokens: (text) => engine.countTokens(text),
    unload: () => engine.unload(),
  };
}
