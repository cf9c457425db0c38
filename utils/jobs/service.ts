/**
 * The background's job service: the queue, where results are kept, the link to the engine
 * host, and the ports surfaces watch jobs on.
 */
import { browser } from '#imports';
import { database } from '../db';
import { requestFor, setRequestJob, threadState, type StoredRequest } from '../thread-store';
import { OffscreenLink } from './host-link';
import { WorkerLink } from './worker-link';
import { HOST_PORT, JOB_PORT_PREFIX, type JobState } from './protocol';
import { JobQueue, type ResultStore } from './queue';
import { keepAwakeWhile } from './keep-awake';
import {
  catchUpInput,
  newsFor,
  rememberWhenShown,
  timelineNews,
  whatsNewInput,
  type CatchUpInput,
  type ThreadNews,
} from '../catch-up';
import { startDownload, startJobFor, type BuiltinProbe } from './start';
import { MAX_QUESTION, chatTurnsFrom, type ChatAsk } from '../llm/chat';
import { fromExtensionPage, fromOwnPageScript } from '../senders';
import type { JobGone } from './follow';
import type { StartOptions } from '../messaging';
import type { NewsInput } from '../llm/whats-new';

export interface JobService {
  queue: JobQueue;
  /**
   * Starts the job for a request as it arrives (it is kept with the job's id after). None for
   * a summary of a thread that changed since its summary was shown: the panel offers what's new;
   * none for a catch-up with nothing new: the panel says so.
   */
  startFor(request: StoredRequest): Promise<(JobState & { news?: NewsInput; catchUp?: CatchUpInput }) | undefined>;
  /** Starts the job for the request a tab sent; notes the job on the request. */
  startForTab(tabId: number, options: StartOptions): Promise<JobState>;
  /** Fetches a model onto the device now. */
  download(engine: 'cpu' | 'webgpu', modelId: string): Promise<JobState>;
  /**
   * What changed on a tab's thread since its summary was shown (null: never shown); for a
   * catch-up, what a catch-up of the page would read.
   */
  newsForTab(tabId: number): Promise<ThreadNews | null>;
  /** Starts a follow-up question about the thread a tab sent. */
  askAbout(tabId: number, ask: ChatAsk, allowDownload?: boolean): Promise<JobState>;
}

/** The request a tab sent (else the latest one). */
async function requestOf(tabId: number): Promise<StoredRequest> {
  const request = requestFor(await threadState.getValue(), tabId);
  if (!request) throw new Error('Nothing to work on: click Skein’s button on a post first.');
  return request;
}

/** Starts the service; call once, synchronously, when the background starts. */
export function startJobService(): JobService {
  const store: ResultStore = {
    get: (key) => database().results.get(key),
    put: async (result) => {
      await database().results.put(result);
    },
  };
  const offscreen = import.meta.env.FIREFOX ? null : new OffscreenLink();
  // Firefox: the engines run in a worker of the background page (utils/jobs/worker-link.ts).
  // Its file is in the Firefox build only, so Chrome's typed paths do not name it.
  const url = browser.runtime.getURL as (path: string) => string;
  const link = offscreen ?? new WorkerLink(() => new Worker(url('/engine-worker.js')));
  const queue = new JobQueue(link, store);
  // Chrome's built-in model lives where the engines run: the offscreen document is asked.
  const probe: BuiltinProbe | undefined = offscreen ? (lang) => offscreen.probeBuiltin(lang) : undefined;
  keepAwakeWhile(() => queue.busy());
  // A summary shown is what "What's new" builds on later (utils/catch-up.ts).
  const shown = (state: JobState, request: StoredRequest) => {
    rememberWhenShown(queue, state, request.snapshot);
    return state;
  };

  browser.runtime.onConnect.addListener((port) => {
    if (port.name === HOST_PORT && offscreen && port.sender?.url === browser.runtime.getURL('/offscreen.html')) {
      offscreen.attach(port);
    } else if (
      port.name.startsWith(JOB_PORT_PREFIX) &&
      (fromExtensionPage(port.sender) || fromOwnPageScript(port.sender))
    ) {
      // Skein's pages, and its cards inside the sites it reads (explanations under a post).
      const id = port.name.slice(JOB_PORT_PREFIX.length);
      if (!queue.get(id)) {
        // Started before this worker did (Chrome stopped the last one): the surface marks it
        // interrupted and offers Try again.
        const gone: JobGone = { id, gone: true };
        port.postMessage(gone);
        return;
      }
      const unsubscribe = queue.subscribe(id, (state) => port.postMessage(state));
      port.onDisconnect.addListener(unsubscribe);
    }
  });

  return {
    queue,
    async startFor(request) {
      // What's new from the post menu or the popup; nothing new since: the summary, kept or made.
      if (request.action === 'whats-new') {
        const news = (await whatsNewInput(request.snapshot)) ?? undefined;
        const summary = { ...request, action: 'summarize' as const };
        const state = await startJobFor(queue, summary, { force: request.force, news, probe });
        return { ...shown(state, request), news };
      }
      // Catch me up: only the timeline's posts no catch-up read yet.
      if (request.action === 'catch-up') {
        const catchUp = await catchUpInput(request.snapshot);
        if (!catchUp) return undefined;
        const reads = { ...request, snapshot: catchUp.snapshot };
        return { ...shown(await startJobFor(queue, reads, { force: request.force, probe }), reads), catchUp };
      }
      const asksSummary = request.action === 'summarize' && !request.force && !request.readAll;
      if (asksSummary && ((await newsFor(request.snapshot))?.count ?? 0) > 0) return undefined;
      return shown(await startJobFor(queue, request, { force: request.force, probe }), request);
    },
    async startForTab(tabId, { force = false, allowDownload = false, readAll = false, whatsNew = false }) {
      const request = await requestOf(tabId);
      if (request.action === 'catch-up' && !request.catchUp) throw new Error('Nothing new on this timeline.');
      // Once shown, what's new's posts count as seen: trying again reads what it read before.
      const news = whatsNew ? ((await whatsNewInput(request.snapshot)) ?? request.news) : undefined;
      if (whatsNew && !news) throw new Error('Nothing new on this thread.');
      const state = await startJobFor(queue, { ...request, allowDownload, readAll }, { force, news, probe });
      await setRequestJob(request.tabId, state.id, news);
      return shown(state, request);
    },
    download: (engine, modelId) => startDownload(queue, engine, modelId),
    async newsForTab(tabId) {
      const request = await requestOf(tabId);
      // A catch-up's request holds only the posts it read: those count as new no more.
      if (request.action === 'catch-up') return request.catchUp ? null : timelineNews(request.snapshot);
      return newsFor(request.snapshot);
    },
    async askAbout(tabId, ask, allowDownload = false) {
      const request = await requestOf(tabId);
      return startJobFor(
        queue,
        { ...request, allowDownload },
        { chat: { question: ask.question.slice(0, MAX_QUESTION), turns: chatTurnsFrom(ask.turns) }, probe },
      );
    },
  };
}
