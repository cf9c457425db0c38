/**
 * Jobs: what a surface asks of the engine and what it sees while the engine works. Job state
 * travels over a runtime Port named `job:<id>` (@webext-core/messaging is request/response
 * only); the engine host streams over the `engine-host` port.
 */
import type { AssistantAction } from '../messaging';
import type { EngineKind, GenerationSpeed, LoadProgress, ModelSpec } from '../llm/engine';
import type { SummaryStage } from '../llm/summarize';
import type { Post } from '../sites/types';
import type { DraftOptions } from '../llm/drafts';
import type { ChatAsk } from '../llm/chat';
import type { NewsInput } from '../llm/whats-new';
import type { BuiltinAvailability } from '../llm/builtin-engine';
import type { ReadReason } from '../llm/reading';
import type { TestScript } from '../test-script';

/** What a job does: an assistant action, or only fetching a model onto the device (options). */
export type JobAction = AssistantAction | 'download';

/** What the engine host is asked to do. */
export interface JobTask {
  action: JobAction;
  posts: Post[];
  /** 1-based number of the post the action is about (explain, draft). */
  focus: number;
  lang: string;
  engine: EngineKind;
  model: ModelSpec;
  /** A test build's script: the scripted engine answers in place of `engine` (test-script.ts). */
  script?: TestScript;
  /** Draft: tone, length, the user's instruction. */
  draft?: DraftOptions;
  /** Explain: the words the user selected in the focused post. */
  selection?: string;
  /** Chat: the question, and the exchanges before it. */
  chat?: ChatAsk;
  /** Whether the model may be downloaded; without it, a missing model ends the job as `needs-model`. */
  allowDownload?: boolean;
  /** Summarize: read every post, however long it takes (the user asked for it). */
  readAll?: boolean;
  /** What's new: the posts it reads (1-based numbers), those of them edited, and the summary before. */
  news?: NewsInput;
  /** Automatic passed Chrome's built-in model over, and why (the panel says so). */
  passedOver?: PassedOver;
  /** Draft in the user's voice: their style note (utils/llm/voice.ts). */
  voice?: string;
}

/**
 * Why Automatic did not use Chrome's built-in model: Chrome has not downloaded it (the panel
 * can), is downloading it, or it does not write the output language. Where the device has no
 * such model at all, nothing is said.
 */
export type PassedOver = 'downloadable' | 'downloading' | 'language';

/** What a job read: `read` of `total` posts, why those, and how long reading all would take. */
export interface ReadingReport {
  read: number;
  total: number;
  reasons: ReadReason[];
  allSeconds?: number;
}

/** What the engine host reports while it works. */
export type HostEvent =
  | { type: 'progress'; progress: LoadProgress }
  | { type: 'loaded'; model: ModelSpec }
  | { type: 'stage'; stage: SummaryStage }
  | { type: 'token'; text: string }
  | { type: 'speed'; speed: GenerationSpeed }
  | { type: 'reading'; reading: ReadingReport };

/** How a job ended, or where it is. */
/** `needs-model`: the model is not on this device yet; the user chooses to download it. */
export type JobStatus =
  | 'queued'
  | 'loading'
  | 'running'
  | 'done'
  | 'error'
  | 'cancelled'
  | 'interrupted'
  | 'needs-model';

/** Everything a surface needs to show a job; sent whole on every change. */
export interface JobState {
  id: string;
  action: JobAction;
  status: JobStatus;
  /** Place in the queue (1 = next) while queued. */
  position?: number;
  text: string;
  postCount: number;
  model: ModelSpec;
  engine: EngineKind;
  progress?: LoadProgress;
  stage?: SummaryStage;
  /** Shown at once from the cache. */
  cached: boolean;
  /** The user agreed to download the model for it (a retry keeps that). */
  downloadAllowed?: boolean;
  error?: { code: string; message: string };
  /** Set when the result could not be saved (storage full): it is still shown. */
  saveError?: string;
  calls?: number;
  finishedAt?: number;
  /** How fast the engine read and wrote, for the last generation that reported it. */
  speed?: GenerationSpeed;
  /** Which posts it read. */
  reading?: ReadingReport;
  /** Automatic passed Chrome's built-in model over, and why. */
  passedOver?: PassedOver;
}

/** Whether a job is still waiting or working (not yet ended one way or another). */
export const isBusy = (state: Pick<JobState, 'status'> | null | undefined): boolean =>
  state?.status === 'queued' || state?.status === 'loading' || state?.status === 'running';

/** Port names. */
export const JOB_PORT_PREFIX = 'job:';
export const HOST_PORT = 'engine-host';
/**
 * The message a new service worker sends to an offscreen document that is already open (its
 * port went with the worker Chrome stopped): it connects again.
 */
export const HOST_CALL = 'engine-host:call';

/** Messages on the engine-host port. */
export type ToHost =
  | { type: 'run'; runId: string; task: JobTask }
  | { type: 'cancel'; runId: string }
  /** Asks whether Chrome's built-in model can answer in `lang` (the engine's page has the API). */
  | { type: 'probe'; runId: string; lang: string };
export type FromHost =
  | { type: 'probed'; runId: string; availability: BuiltinAvailability }
  | { type: 'event'; runId: string; event: HostEvent }
  | { type: 'done'; runId: string; text: string; calls: number }
  | { type: 'error'; runId: string; code: string; message: string };
