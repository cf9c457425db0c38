import { afterEach, describe, expect, it, vi } from 'vitest';
import { EngineHost } from '@/utils/jobs/host';
import { hostServer, RunTable } from '@/utils/jobs/host-link';
import type { FromHost, JobTask, ToHost } from '@/utils/jobs/protocol';
import { ScriptedEngine, SCRIPTED_MODEL } from '@/utils/llm/scripted-engine';
import type { BuiltinAvailability } from '@/utils/llm/builtin-engine';
import { numberedPost } from '../../support/posts';

/** A host server and a run table joined directly, as the port joins them. */
function joined(probe: (lang: string) => Promise<BuiltinAvailability>, pieceDelayMs = 0) {
  const host = new EngineHost((_kind, t) => new ScriptedEngine(t.script?.reply ?? '', { pieceDelayMs }));
  const { serve } = hostServer(host, probe);
  const table = new RunTable();
  const send = (msg: ToHost) => serve(structuredClone(msg), (m: FromHost) => table.dispatch(structuredClone(m)));
  return { table, send };
}

const slowTask: JobTask = {
  action: 'explain',
  posts: [numberedPost(1, 'wool')],
  focus: 1,
  lang: 'en',
  engine: 'scripted',
  model: SCRIPTED_MODEL,
  script: { reply: 'one two three four five six' },
};

describe('asking the engine’s page about Chrome’s model', () => {
  afterEach(() => vi.useRealTimers());

  it('answers per language, at once, even while a job runs', async () => {
    const asked: string[] = [];
    const { table, send } = joined(async (lang) => {
      asked.push(lang);
      return lang === 'en' ? 'available' : 'downloadable';
    }, 30);
    const run = table.start(send, slowTask, () => undefined, new AbortController().signal);
    const answers = await Promise.race([
      Promise.all([table.probe(send, 'en'), table.probe(send, 'fr')]),
      run.then(() => 'the job ended first'),
    ]);
    expect(answers).toEqual(['available', 'downloadable']);
    expect(asked).toEqual(['en', 'fr']);
    await run;
  });

  it('takes silence as no model: a job never waits on the answer for long', async () => {
    vi.useFakeTimers();
    const table = new RunTable();
    const answer = table.probe(() => undefined, 'en');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await answer).toBe('unavailable');
  });
});
