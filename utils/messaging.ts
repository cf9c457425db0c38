/**
 * The one ProtocolMap: every request/response message between Skein's parts. Streams (tokens,
 * progress) will travel over ports instead; this map is request/response only.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PageSnapshot } from './sites/types';
import type { JobState } from './jobs/protocol';
import type { StoredResult } from './db';
import type { DraftOptions } from './llm/drafts';
import type { ChatAsk } from './llm/chat';
import type { ThreadPart, ThreadRequestWire } from './thread-wire';
import type { ThreadNews } from './catch-up';
import type { ThreadMarks } from './seen-posts';
import type { FakeBuiltinConfig } from './llm/fake-language-model';

/**
 * What the user asked of a post; `whats-new` summarizes what changed on a thread seen before;
 * `catch-up` summarizes, by topic, a timeline's posts loaded since the last catch-up;
 * `learn-voice` writes a style note from the user's own posts on their profile.
 */
export type AssistantAction = 'summarize' | 'explain' | 'draft' | 'chat' | 'whats-new' | 'catch-up' | 'learn-voice';

/** A request from a page: the action, the thread as read, and the post it started from. */
export interface ThreadRequest {
  action: AssistantAction;
  snapshot: PageSnapshot;
  /** The post whose button was clicked. */
  postId: string | null;
  /** Draft: what the user asked of it. */
  draft?: DraftOptions;
  /** Explain: the words selected in the post. */
  selection?: string;
  /** Started from inline UI that shows the result itself: the panel is not opened. */
  quiet?: boolean;
  /** The user agreed to download the model (from a "download the model" step). */
  allowDownload?: boolean;
  /** Skip the kept result (Regenerate). */
  force?: boolean;
  /** Summarize: read every post however long it takes (the panel's "Read all"). */
  readAll?: boolean;
  /** The signed-in user's handle on the site (drafts in their voice, learning it). */
  viewer?: string;
}

/** How the background answered a {@link ThreadRequest}. */
export interface ThreadAccepted {
  /** Whether the side panel (sidebar) could be opened for the user. */
  panelOpened: boolean;
  /** The job working on it, for an inline card to watch. */
  jobId?: string;
}

/** How the panel (re)starts a tab's job. */
export interface StartOptions {
  /** Regenerate: ignore the kept result. */
  force?: boolean;
  /** The user agreed to download the model. */
  allowDownload?: boolean;
  /** Summarize: read every post, however long it takes. */
  readAll?: boolean;
  /** "What's new": only the posts new or edited since the thread's summary was shown. */
  whatsNew?: boolean;
}

interface ProtocolMap {
  /** A page sends a thread for an action; the background keeps it and opens the panel. */
  openThread(request: ThreadRequestWire): ThreadAccepted;
  /** A page sends a long thread's request in parts (./thread-wire.ts); the last goes as openThread. */
  threadPart(part: ThreadPart): void;
  /** A page's inline UI opens the panel (a click on "Open in the panel"); false where refused. */
  openPanel(): boolean;
  /** A page asks for the panel in a tab (Firefox will not open its sidebar for a page). */
  openPanelTab(): void;
  /** Content script → background: why this page could not be read, for the panel to say. */
  pageUnreadable(text: string): void;
  /**
   * The panel (re)starts the job for a tab's request: retry, Regenerate with `force`, or after
   * the user agreed to download the model with `allowDownload`.
   */
  startJob(data: StartOptions & { tabId: number }): JobState;
  /** The panel asks what changed on a tab's thread since its summary was shown (null: never shown). */
  threadNews(data: { tabId: number }): ThreadNews | null;
  /** The panel asks a follow-up question about a tab's thread. */
  askChat(data: ChatAsk & { tabId: number; allowDownload?: boolean }): JobState;
  /** The background asks a page to explain the selected words (context menu, shortcut). */
  explainSelection(data: { text: string }): string | null;
  /** The panel stops a job. */
  cancelJob(data: { jobId: string }): void;
  /** The panel asks the page to show a post (a citation was clicked); false if not on the page. */
  scrollToPost(data: { postId: string }): boolean;
  /**
   * The popup asks the page to summarize its thread (or, with `whatsNew`, what is new on it; on
   * a timeline, `catchUp`); answers a notice, or null when sent.
   */
  summarizePage(data?: { whatsNew?: boolean; catchUp?: boolean }): string | null;
  /**
   * The popup asks the page what changed on its thread since its summary was shown (on a
   * timeline: how many posts a catch-up would read).
   */
  pageNews(): ThreadNews | null;
  /** The panel asks the page whether it is the user's own profile, and how many of their posts it shows. */
  pageVoice(): { account: string; posts: number } | null;
  /** The panel asks the page to send the user's own posts to learn their voice; answers a notice, or null when sent. */
  learnVoice(): string | null;
  /**
   * A test build's engine page (it has no storage API) asks for the stand-in for Chrome's model
   * a test set up; null in a store build.
   */
  testBuiltin(): FakeBuiltinConfig | null;
  /** A page's script asks what changed on a thread it shows since its summary was shown. */
  pageThreadNews(marks: ThreadMarks): ThreadNews | null;
  /** Options: fetches a model onto the device now (rather than at its first use). */
  downloadModel(data: { engine: 'cpu' | 'webgpu'; modelId: string }): JobState;
  /** Options: every kept result, to save as JSON. */
  exportHistory(): { exportedAt: string; results: StoredResult[] };
  /** Options: forget every kept result; answers how many there were. */
  clearHistory(): number;
  /** History: forget one kept result. */
  deleteResult(data: { key: string }): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
