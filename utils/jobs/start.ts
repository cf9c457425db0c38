/** Turning a page's request into a job: engine and model from settings, cache key, task. */
import { cpuModel } from '../llm/models';
import { SCRIPTED_MODEL } from '../llm/scripted-engine';
import type { EngineKind, ModelSpec } from '../llm/engine';
import { webGpuAdapter } from '../llm/webgpu-adapter';
import { serverModel } from '../llm/server-engine';
import { chooseWebGpuModel } from '../llm/webgpu-models';
import { getSettings, outputLanguage } from '../settings';
import { readTestScript, TEST_BUILD } from '../test-script';
import type { Settings } from '../settings-schema';
import type { StoredRequest } from '../thread-store';
import { cacheKey, threadIdOf } from './cache-key';
import type { JobState, PassedOver } from './protocol';
import type { JobQueue } from './queue';
import { DEFAULT_DRAFT, draftOptionsFrom } from '../llm/drafts';
import { siteDraftLimit } from '../sites/hosts';
import type { ChatAsk } from '../llm/chat';
import type { NewsInput } from '../llm/whats-new';
import { voiceFor } from '../voice';
import { BUILTIN_MODEL, type BuiltinAvailability } from '../llm/builtin-engine';

/** The first words of a thread, for the history list. */
function titleOf(request: StoredRequest): string {
  // A catch-up is of a timeline, not of its first post: the timeline's address names it.
  if (request.action === 'catch-up') return request.snapshot.url.replace(/^https?:\/\//, '');
  if (request.action === 'learn-voice') return `@${request.viewer ?? ''}`;
  const first = request.snapshot.posts.find((p) => p.unavailable == null);
  if (!first) return request.snapshot.url;
  const text = first.text.length > 80 ? `${first.text.slice(0, 80)}…` : first.text;
  return `@${first.author.handle}: ${text}`;
}

/** Whether Chrome's built-in model can answer in a language (asked where the engines run). */
export type BuiltinProbe = (lang: string) => Promise<BuiltinAvailability>;

/** Where there is nobody to ask (Firefox, unit tests): no built-in model. */
const noBuiltin: BuiltinProbe = async () => 'unavailable';

/**
 * Which engine and model: the setting, where automatic means Chrome's built-in model when it is
 * ready to answer in `lang` (it needs no download of Skein's), else WebGPU when the browser has
 * an adapter that can hold the model, else the CPU engine. The user's own server once it is set.
 */
export async function pickEngine(
  settings: Settings,
  probe: BuiltinProbe = noBuiltin,
  lang = 'en',
): Promise<{ engine: EngineKind; model: ModelSpec; passedOver?: PassedOver }> {
  if (settings.engine === 'server' && settings.serverAddress && settings.serverModel)
    return { engine: 'server', model: serverModel(settings.serverAddress, settings.serverModel) };
  if (settings.engine === 'builtin' && !import.meta.env.FIREFOX) return { engine: 'builtin', model: BUILTIN_MODEL };
  if (settings.engine === 'auto' && !import.meta.env.FIREFOX) {
    const availability = await probe(lang);
    if (availability === 'available') return { engine: 'builtin', model: BUILTIN_MODEL };
    const next = await deviceEngine(settings);
    if (availability !== 'unavailable') return { ...next, passedOver: availability };
    // Not in this language, where it writes English: the panel says why another engine answers.
    if (!lang.startsWith('en') && (await probe('en')) === 'available') return { ...next, passedOver: 'language' };
    return next;
  }
  return deviceEngine(settings);
}

/** WebGPU when the browser has an adapter that can hold the model (or the user asked), else CPU. */
async function deviceEngine(settings: Settings): Promise<{ engine: EngineKind; model: ModelSpec }> {
  if (settings.engine !== 'cpu') {
    const adapter = await webGpuAdapter();
    const chosen = chooseWebGpuModel(
      settings.webgpuModelId,
      adapter ?? { hasF16: false, maxBufferBytes: Number.MAX_SAFE_INTEGER },
      settings.webgpuLibBase,
    );
    // Asked for WebGPU explicitly: try it, and let the engine say what is missing.
    if (chosen && (adapter || settings.engine === 'webgpu')) return { engine: 'webgpu', model: chosen };
  }
  return { engine: 'cpu', model: cpuModel(settings.cpuModelId) };
}

/** Starts (or answers from the kept result) the job for a request, or for a question about it. */
export async function startJobFor(
  queue: JobQueue,
  request: StoredRequest,
  {
    force = false,
    chat,
    news,
    probe,
  }: {
    /** Regenerate: not the kept result. */
    force?: boolean;
    /** A follow-up question. */
    chat?: ChatAsk;
    /** What's new: the posts to read and the summary before (utils/catch-up.ts). */
    news?: NewsInput;
    /** Asks whether Chrome's built-in model is ready. */
    probe?: BuiltinProbe;
  } = {},
): Promise<JobState> {
  const settings = await getSettings();
  const lang = outputLanguage(settings, navigator.language);
  const { engine, model, passedOver } = await pickEngine(settings, probe, lang);
  // A test build's script answers in place of the engine, under the engine's own labels; its
  // results are kept apart from the model's.
  const script = (await readTestScript()) ?? undefined;
  const keptAs = TEST_BUILD && script ? SCRIPTED_MODEL.id : model.id;
  const { snapshot, postId } = request;
  const action = chat ? 'chat' : news ? 'whats-new' : request.action;
  const focus = Math.max(1, snapshot.posts.findIndex((p) => p.id === postId) + 1);
  const asked =
    action === 'draft' ? draftOptionsFrom(request.draft, { ...DEFAULT_DRAFT, tone: settings.defaultTone }) : undefined;
  // A draft made away from the site's box (in the panel) keeps to the site's own limit.
  const draft = asked && { ...asked, limit: asked.limit ?? siteDraftLimit(snapshot.site) };
  // In the user's voice: their note for this site account, when they kept one.
  const voice = draft?.voice ? ((await voiceFor(snapshot.site, request.viewer))?.note ?? undefined) : undefined;
  const selection = action === 'explain' ? request.selection : undefined;
  const readAll = (action === 'summarize' || action === 'catch-up') && request.readAll === true;
  const detail = draft
    ? JSON.stringify({ ...draft, voice })
    : chat
      ? JSON.stringify(chat)
      : news
        ? JSON.stringify(news)
        : readAll
          ? 'read-all'
          : (selection ?? '');
  return queue.submit({
    task: {
      action,
      posts: snapshot.posts,
      focus,
      lang,
      engine,
      model,
      script,
      draft,
      selection,
      chat,
      allowDownload: request.allowDownload,
      readAll,
      news,
      passedOver,
      voice,
    },
    key: await cacheKey(snapshot, action, keptAs, lang, postId, detail),
    record: {
      action,
      site: snapshot.site,
      threadId: threadIdOf(snapshot),
      url: snapshot.url,
      title: chat
        ? chat.question.slice(0, 120)
        : selection
          ? `“${selection.slice(0, 80)}” · ${titleOf(request)}`
          : titleOf(request),
      modelId: keptAs,
      lang,
      postCount: snapshot.posts.length,
      postIds: snapshot.posts.map((p) => p.id),
    },
    tabId: request.tabId,
    force,
  });
}

/** Fetches a model onto the device as a job of its own (the options page follows its progress). */
export async function startDownload(queue: JobQueue, engine: 'cpu' | 'webgpu', modelId: string): Promise<JobState> {
  const model =
    engine === 'cpu'
      ? cpuModel(modelId)
      : chooseWebGpuModel(
          modelId,
          (await webGpuAdapter()) ?? { hasF16: false, maxBufferBytes: Number.MAX_SAFE_INTEGER },
          (await getSettings()).webgpuLibBase,
        );
  if (!model) throw new Error(`Unknown model: ${modelId}`);
  return queue.submit({
    task: { action: 'download', posts: [], focus: 1, lang: 'en', engine, model, allowDownload: true },
    key: `download:${model.id}`,
    record: {
      action: 'summarize',
      site: '',
      threadId: '',
      url: '',
      title: '',
      modelId: model.id,
      lang: 'en',
      postCount: 0,
      postIds: [],
    },
    tabId: null,
    force: true,
    keep: false,
  });
}
