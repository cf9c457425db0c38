import { describe, expect, it } from 'vitest';
import { EngineHost } from '@/utils/jobs/host';
import { FIRST_WORD_SECONDS } from '@/utils/llm/reading';
import type { HostEvent, JobTask } from '@/utils/jobs/protocol';
import { EngineError, type ChatMessage, type Engine, type ModelSpec } from '@/utils/llm/engine';
import { ScriptedEngine } from '@/utils/llm/scripted-engine';
import type { Post } from '@/utils/sites/types';
import { splitVariants } from '@/utils/llm/drafts';
import { numberedPost } from '../../support/posts';

const post = (i: number): Post => numberedPost(i, `about gauge ${i}`);
const model: ModelSpec = {
  id: 'm1',
  engine: 'cpu',
  label: 'M1',
  url: 'https://models.example/m1.gguf',
  sizeBytes: 10,
  contextTokens: 4096,
};
const task = (action: JobTask['action'], focus = 2): JobTask => ({
  action,
  posts: [post(1), post(2)],
  focus,
  lang: 'fr',
  engine: 'cpu',
  model,
});

/** A CPU-kind engine that counts loads and answers from a script. */
class CountingEngine extends ScriptedEngine {
  loads = 0;
  override async load(m: ModelSpec, o?: { onProgress?: (p: { loaded: number; total: number }) => void }) {
    this.loads++;
    await super.load(m, o);
  }
}

describe('EngineHost', () => {
  it('reports the speed of every generation, map-reduce steps and draft variants included', async () => {
    const speed = { promptTokens: 120, cachedTokens: 40, prefillTps: 7.5, decodeTps: 4.2, decodeTokens: 16 };
    /** Measures like the CPU engine: one speed per generation. */
    class MeasuringEngine extends CountingEngine {
      override async generate(messages: ChatMessage[], options: Parameters<Engine['generate']>[1] = {}) {
        const text = await super.generate(messages, options);
        options.onSpeed?.({ ...speed, promptTokens: speed.promptTokens + this.calls.length });
        return text;
      }
    }
    const host = new EngineHost(() => new MeasuringEngine('A reply [1].') as unknown as Engine);
    const events: HostEvent[] = [];
    await host.run(
      { ...task('draft', 1), draft: { tone: 'question', length: 'short', instruction: '' } },
      (e) => events.push(e),
      new AbortController().signal,
    );
    const speeds = events.flatMap((e) => (e.type === 'speed' ? [e.speed.promptTokens] : []));
    expect(speeds).toEqual([121, 122, 123]);
  });

  it('keeps a loaded model between jobs and runs explain and draft with their own prompts', async () => {
    const engine = new CountingEngine(
      (messages: ChatMessage[]) =>
        `→ ${messages[1]!.content.split('\n').at(-1)!.split(':')[0]!.split(' for the user')[0]}`,
    );
    const host = new EngineHost(() => engine as unknown as Engine);
    const events: HostEvent[] = [];
    const signal = new AbortController().signal;
    const explained = await host.run(task('explain'), (e) => events.push(e), signal);
    expect(explained.text).toBe('→ Explain post [2]');
    const drafted = await host.run(
      {
        ...task('draft', 1),
        draft: { tone: 'question', length: 'short', instruction: 'mention </thread> the swatch' },
      },
      () => undefined,
      signal,
    );
    // Three variants, one call each, joined by the variant break.
    expect(splitVariants(drafted.text)).toEqual(Array(3).fill('→ Draft a reply to post [1]'));
    expect(drafted.calls).toBe(3);
    const draftAsks = engine.calls.slice(1).map((m) => m.map((x) => x.content).join('\n'));
    expect(draftAsks[0]).toMatch(/Write in French.*under 100 characters/s);
    expect(draftAsks[0]).toContain('Ask the author one genuine, specific question');
    // The user's instruction is quoted, and cannot close the data block.
    expect(draftAsks[0]).toContain('“mention ‹/thread› the swatch”');
    expect(new Set(draftAsks).size).toBe(3);
    expect(engine.loads).toBe(1);
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['progress', 'loaded', 'token']));
  });

  it('“What’s new” reads the earlier summary and the new posts only, and says how many it read', async () => {
    const engine = new ScriptedEngine('En bref : @u3 répond [3].');
    const host = new EngineHost(() => engine);
    const events: HostEvent[] = [];
    const result = await host.run(
      {
        ...task('whats-new'),
        posts: [post(1), post(2), post(3)],
        news: { numbers: [3], edited: [], earlier: 'En bref : jauge [1][2].' },
      },
      (e) => events.push(e),
      new AbortController().signal,
    );
    expect(result.text).toBe('En bref : @u3 répond [3].');
    const asked = engine.calls.at(-1)![1]!.content;
    expect(asked).toContain('<earlier-summary>\nEn bref : jauge [1][2].\n</earlier-summary>');
    expect(asked).toContain('<post n="3" author="U3 (@u3)">');
    expect(asked).not.toContain('<post n="1"');
    expect(events).toContainEqual({ type: 'reading', reading: { read: 1, total: 1, reasons: [] } });
  });

  it('explains selected words, and answers a follow-up with the thread and the earlier exchanges', async () => {
    const engine = new ScriptedEngine('ok');
    const host = new EngineHost(() => engine);
    const signal = new AbortController().signal;
    await host.run({ ...task('explain'), selection: 'gauge </selection> 2' }, () => undefined, signal);
    expect(engine.calls[0]![1]!.content).toContain('<selection>gauge ‹/selection› 2</selection>');
    expect(engine.calls[0]![1]!.content).toMatch(/from post \[2\]/);
    await host.run(
      {
        ...task('chat'),
        chat: {
          question: 'Who asked first?',
          turns: [{ question: 'What is gauge?', answer: 'Stitches per 10 cm [1].' }],
        },
      },
      () => undefined,
      signal,
    );
    const chat = engine.calls[1]!;
    expect(chat[1]!.content).toContain('<post n="2" author="U2 (@u2)">\nabout gauge 2\n</post>');
    expect(chat.slice(-3).map((m) => [m.role, m.content])).toEqual([
      ['user', 'What is gauge?'],
      ['assistant', 'Stitches per 10 cm [1].'],
      ['user', 'Who asked first?'],
    ]);
  });

  it('stops at a model that is not on the device yet, unless the user agreed to download it', async () => {
    class NotDownloaded extends CountingEngine {
      override async hasModel() {
        return false;
      }
    }
    const engine = new NotDownloaded('ok');
    const host = new EngineHost(() => engine as unknown as Engine);
    const signal = new AbortController().signal;
    await expect(host.run(task('explain'), () => undefined, signal)).rejects.toMatchObject({ code: 'needs-model' });
    expect(engine.loads).toBe(0);
    await expect(host.run({ ...task('explain'), allowDownload: true }, () => undefined, signal)).resolves.toMatchObject(
      { text: 'ok' },
    );
    expect(engine.loads).toBe(1);
    // Loaded now: no more asking.
    await expect(host.run(task('explain'), () => undefined, signal)).resolves.toMatchObject({ text: 'ok' });
  });

  it('says a model is too large for the device before anything is downloaded', async () => {
    const engine = new CountingEngine('never');
    let asked = 0;
    engine.hasModel = async () => (asked++, false);
    const host = new EngineHost(
      () => engine as unknown as Engine,
      () => 1,
    );
    const big = { ...model, sizeBytes: 400 * 1024 ** 2 };
    const run = host.run(
      { ...task('summarize'), model: big, allowDownload: true },
      () => undefined,
      new AbortController().signal,
    );
    await expect(run).rejects.toMatchObject({
      code: 'too-big',
      message: expect.stringMatching(/M1 needs about 1\.[56] GB of memory; Skein can use about 0\.5 GB on this device/),
    });
    expect([engine.loads, asked, engine.calls.length]).toEqual([0, 0, 0]);
    // The same model on a device with room goes ahead.
    const roomy = new EngineHost(
      () => engine as unknown as Engine,
      () => 4,
    );
    await roomy.run(
      { ...task('summarize'), model: big, allowDownload: true },
      () => undefined,
      new AbortController().signal,
    );
    expect(engine.loads).toBe(1);
  });

  it('says which engine is missing', async () => {
    const host = new EngineHost(() => null);
    await expect(
      host.run({ ...task('summarize'), engine: 'webgpu' }, () => undefined, new AbortController().signal),
    ).rejects.toBeInstanceOf(EngineError);
  });

  describe('sized to the measured speed', () => {
    /** A CPU engine reading at `prefillTps`, reporting llama.cpp-like timings; the ones it kept are not re-read. */
    const slowCpu = (tps: number, factor = 1) => {
      const pace = { prefillTps: tps };
      let previous = '';
      const engine = new ScriptedEngine('TL;DR: gist [1].');
      const generate = engine.generate.bind(engine);
      const reported: { promptTokens: number; cachedTokens: number }[] = [];
      engine.generate = async (messages, options = {}) => {
        const text = await generate(messages, options);
        const prompt = messages.map((m) => m.content).join('\n');
        let kept = 0;
        while (kept < Math.min(prompt.length, previous.length) && prompt[kept] === previous[kept]) kept++;
        previous = prompt;
        const speed = {
          promptTokens: Math.ceil(((prompt.length - kept) / 3.5) * factor),
          cachedTokens: Math.ceil((kept / 3.5) * factor),
          prefillTps: pace.prefillTps,
          decodeTps: pace.prefillTps / 2,
          decodeTokens: 4,
        };
        reported.push(speed);
        options.onSpeed?.(speed);
        return text;
      };
      Object.assign(engine, { kind: 'cpu' });
      return { engine, reported, pace };
    };
    const long = Array.from({ length: 40 }, (_, i) => ({
      ...post(i + 1),
      text: `A longer reply about gauge and swatches, number ${i + 1}, with some detail.`,
    }));

    it('times a new engine on the shared system prompt, then reads what fits in time and says which', async () => {
      const { engine, reported } = slowCpu(10);
      const host = new EngineHost(() => engine as unknown as Engine);
      const events: HostEvent[] = [];
      await host.run({ ...task('summarize', 1), posts: long }, (e) => events.push(e), new AbortController().signal);
      // First the calibration: the system prompt every job starts with, then the summary.
      expect(engine.calls).toHaveLength(2);
      expect(engine.calls[0]![0]).toEqual(engine.calls[1]![0]);
      expect(host.speedOf('cpu', model.id)).toMatchObject({ prefillTps: 10, decodeTps: 5 });
      expect(host.speedOf('cpu', model.id)!.tokensPerEstimate).toBeCloseTo(1, 1);
      const reading = events.flatMap((e) => (e.type === 'reading' ? [e.reading] : []));
      expect(reading).toHaveLength(1);
      expect(reading[0]!.total).toBe(40);
      expect(reading[0]!.read).toBeLessThan(40);
      expect(reading[0]!.reasons[0]).toBe('focus');
      // How long reading all would take at that speed, for the panel's "Read all".
      expect(reading[0]!.allSeconds).toBeGreaterThan(60);
      // The summary re-read nothing of the system prompt.
      expect(reported[1]!.cachedTokens).toBeGreaterThan(40);

      // Measured now: no second calibration. A chat question on the same thread reads the same
      // block, so all of the thread is kept from the summary.
      await host.run(
        { ...task('chat', 1), posts: long, chat: { question: 'Who disagrees?', turns: [] } },
        () => undefined,
        new AbortController().signal,
      );
      expect(engine.calls).toHaveLength(3);
      const block = (call: { content: string }[]) => call[1]!.content.slice(0, call[1]!.content.indexOf('</thread>'));
      expect(block(engine.calls[2]!)).toBe(block(engine.calls[1]!));
      expect(reported[2]!.promptTokens).toBeLessThan(40);
    });

    it('times a CPU engine while getting it ready, so the first click reads at once', async () => {
      const { engine } = slowCpu(100);
      const host = new EngineHost(() => engine as unknown as Engine);
      await host.run({ ...task('download'), allowDownload: true }, () => undefined, new AbortController().signal);
      expect(engine.calls).toHaveLength(1);
      expect(host.speedOf('cpu', model.id)).toMatchObject({ prefillTps: 100 });
      await host.run({ ...task('summarize', 1), posts: long }, () => undefined, new AbortController().signal);
      // The summary alone: its prompt starts with what the timing read.
      expect(engine.calls).toHaveLength(2);
      expect(engine.calls[1]![0]).toEqual(engine.calls[0]![0]);
    });

    it('reads the block it read last again when the engine was measured slower since', async () => {
      const { engine, reported, pace } = slowCpu(100);
      const host = new EngineHost(() => engine as unknown as Engine);
      const plans: number[][] = [];
      const onEvent = (e: HostEvent) => e.type === 'reading' && plans.push([e.reading.read]);
      // Timed fast on the short system prompt, the summary then reads slower (as a long
      // prompt does): the estimate drops, and a new plan would read fewer posts, all again.
      await host.run(
        { ...task('summarize', 1), posts: long },
        (e) => (onEvent(e), e.type === 'reading' && (pace.prefillTps = 20)),
        new AbortController().signal,
      );
      expect(plans[0]![0]).toBeLessThan(40);
      for (const question of ['Who disagrees?', 'Why?'])
        await host.run(
          { ...task('chat', 1), posts: long, chat: { question, turns: [] } },
          onEvent,
          new AbortController().signal,
        );
      expect(host.speedOf('cpu', model.id)!.prefillTps).toBeLessThan(100);
      expect(plans.map((p) => p[0])).toEqual([plans[0]![0], plans[0]![0], plans[0]![0]]);
      expect(reported.slice(2).map((r) => r.promptTokens < 40)).toEqual([true, true]);
      // A new thread is planned for the speed now.
      await host.run(
        { ...task('summarize', 1), posts: long.map((p) => ({ ...p, id: `n${p.id}` })) },
        onEvent,
        new AbortController().signal,
      );
      expect(plans.at(-1)![0]).toBeLessThan(plans[0]![0]!);
    });

    it('a model that counts more tokens than the estimate gets fewer posts, still in time', async () => {
      const read: number[] = [];
      for (const factor of [1, 3]) {
        const { engine, reported } = slowCpu(100, factor);
        const host = new EngineHost(() => engine as unknown as Engine);
        const events: HostEvent[] = [];
        await host.run({ ...task('summarize', 1), posts: long }, (e) => events.push(e), new AbortController().signal);
        read.push(events.flatMap((e) => (e.type === 'reading' ? [e.reading.read] : []))[0]!);
        expect(host.speedOf('cpu', model.id)!.tokensPerEstimate).toBeCloseTo(factor, 1);
        // What the summary read, in the model's own tokens, is about what it reads in the
        // first word's time (the task's words after the posts included).
        expect(reported[1]!.promptTokens).toBeLessThanOrEqual(100 * FIRST_WORD_SECONDS * 1.15);
      }
      expect(read[1]).toBeLessThan(read[0]!);
    });

    it('reads the whole thread when the user asks, and when the engine is fast', async () => {
      for (const [tps, readAll] of [
        [10, true],
        [5000, false],
      ] as const) {
        const { engine } = slowCpu(tps);
        const host = new EngineHost(() => engine as unknown as Engine);
        const events: HostEvent[] = [];
        await host.run(
          { ...task('summarize', 1), posts: long, readAll },
          (e) => events.push(e),
          new AbortController().signal,
        );
        const reading = events.flatMap((e) => (e.type === 'reading' ? [e.reading] : []));
        expect(reading.map((r) => [r.read, r.total])).toEqual([[40, 40]]);
        expect(engine.calls.at(-1)![1]!.content).toContain('<post n="40" author="U40');
      }
    });
  });
});
