/**
 * The background's job queue: one job runs at a time, the rest wait in order. Each job's
 * state goes to every surface that watches it. A result already kept answers at once; a new
 * one is kept when done. Cancel, a closed tab, or a host that died end a job cleanly.
 */
import type { StoredResult } from '../db';
import type { HostEvent, JobState, JobTask } from './protocol';
import { withRate } from '../llm/engine';

/** Runs tasks on the engine host. Rejects with `{ code: 'interrupted' }` when the host died. */
export interface HostLink {
  run(task: JobTask, onEvent: (e: HostEvent) => void, signal: AbortSignal): Promise<{ text: string; calls: number }>;
}

/** Where results are kept. */
export interface ResultStore {
  get(key: string): Promise<StoredResult | undefined>;
  put(result: StoredResult): Promise<void>;
}

/** What a job is for: the task, its cache key and what to keep with the result. */
export interface JobRequest {
  task: JobTask;
  key: string;
  record: Omit<StoredResult, 'text' | 'createdAt' | 'key'>;
  tabId: number | null;
  /** Skip the kept result (Regenerate). */
  force?: boolean;
  /** Whether the result is kept (a model download has none). Default: kept. */
  keep?: boolean;
}

interface Job {
  state: JobState;
  request: JobRequest;
  controller: AbortController;
  listeners: Set<(state: JobState) => void>;
  /** When its transfer's first progress came, and how much was there then (a resumed file). */
  progressStart?: { at: number; loaded: number };
}

const FINAL = new Set(['done', 'error', 'cancelled', 'interrupted', 'needs-model']);
const KEEP_FINISHED = 50;

export class JobQueue {
  private jobs = new Map<string, Job>();
  private waiting: Job[] = [];
  private active: Job | null = null;

  constructor(
    private link: HostLink,
    private store: ResultStore,
    private now = () => Date.now(),
  ) {}

  /** Starts a job, or answers from the kept result. Resolves once it is queued or answered. */
  async submit(request: JobRequest): Promise<JobState> {
    if (!request.force) {
      const same = [...this.jobs.values()].find((j) => j.request.key === request.key && !FINAL.has(j.state.status));
      if (same) return same.state;
    }
    const job: Job = {
      state: {
        id: crypto.randomUUID(),
        action: request.task.action,
        status: 'queued',
        text: '',
        postCount: request.task.posts.length,
        model: request.task.model,
        engine: request.task.engine,
        cached: false,
        downloadAllowed: !!request.task.allowDownload,
        ...(request.task.passedOver ? { passedOver: request.task.passedOver } : {}),
      },
      request,
      controller: new AbortController(),
      listeners: new Set(),
    };
    this.jobs.set(job.state.id, job);
    this.prune();
    if (!request.force) {
      const kept = await this.store.get(request.key).catch(() => undefined);
      if (kept) {
        this.update(job, {
          status: 'done',
          text: kept.text,
          cached: true,
          finishedAt: kept.createdAt,
          reading: kept.reading,
        });
        return job.state;
      }
    }
    this.waiting.push(job);
    this.renumber();
    void this.pump();
    return job.state;
  }

  /** Whether a job is running or waiting to run. */
  busy(): boolean {
    return this.active !== null || this.waiting.length > 0;
  }

  /** A job's state now. */
  get(id: string): JobState | undefined {
    return this.jobs.get(id)?.state;
  }

  /** Watches a job: the listener gets its state now and on every change. */
  subscribe(id: string, listener: (state: JobState) => void): () => void {
    const job = this.jobs.get(id);
    if (!job) return () => undefined;
    job.listeners.add(listener);
    listener(job.state);
    return () => job.listeners.delete(listener);
  }

  /** Stops a job, queued or running. */
  cancel(id: string): void {
    const job = this.jobs.get(id);
    if (!job || FINAL.has(job.state.status)) return;
    job.controller.abort();
    if (job !== this.active) {
      this.waiting = this.waiting.filter((j) => j !== job);
      this.update(job, { status: 'cancelled' });
      this.renumber();
    }
  }

  /** Stops every job a tab started (the tab closed). */
  cancelTab(tabId: number): void {
    for (const job of this.jobs.values()) if (job.request.tabId === tabId) this.cancel(job.state.id);
  }

  private update(job: Job, patch: Partial<JobState>): void {
    job.state = { ...job.state, ...patch };
    for (const listener of job.listeners) listener(job.state);
  }

  private renumber(): void {
    this.waiting.forEach((job, i) => this.update(job, { position: i + 1 }));
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((j) => FINAL.has(j.state.status));
    for (const job of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(job.state.id);
  }

  private onHostEvent(job: Job, event: HostEvent): void {
    if (event.type === 'progress') {
      // Rate and time left from the first progress of this job's transfer.
      const start = (job.progressStart ??= { at: this.now(), loaded: event.progress.loaded });
      this.update(job, { progress: withRate(event.progress, start, this.now()) });
    } else if (event.type === 'loaded') this.update(job, { status: 'running', model: event.model });
    else if (event.type === 'stage') this.update(job, { stage: event.stage });
    else if (event.type === 'speed') this.update(job, { speed: event.speed });
    else if (event.type === 'reading') this.update(job, { reading: event.reading });
    else this.update(job, { text: job.state.text + event.text });
  }

  private async pump(): Promise<void> {
    if (this.active) return;
    const job = this.waiting.shift();
    if (!job) return;
    this.active = job;
    this.renumber();
    this.update(job, { status: 'loading', position: undefined });
    try {
      const result = await this.link.run(job.request.task, (e) => this.onHostEvent(job, e), job.controller.signal);
      const { calls } = result;
      // Models often start with a space or end with a newline: keep the words.
      const text = result.text.trim();
      const finishedAt = this.now();
      let saveError: string | undefined;
      try {
        if (job.request.keep !== false)
          await this.store.put({
            ...job.request.record,
            key: job.request.key,
            text,
            createdAt: finishedAt,
            ...(job.state.reading ? { reading: job.state.reading } : {}),
          });
      } catch (err) {
        saveError = /quota/i.test(String((err as Error)?.name) + String((err as Error)?.message))
          ? 'The browser’s storage is full: this result is shown but not kept.'
          : `This result could not be kept (${(err as Error)?.message ?? err}).`;
      }
      this.update(job, { status: 'done', text, calls, finishedAt, saveError });
    } catch (err) {
      const e = err as { code?: string; message?: string };
      if (job.controller.signal.aborted) this.update(job, { status: 'cancelled' });
      // Not an error: the surface offers to download the model.
      else if (e?.code === 'needs-model') this.update(job, { status: 'needs-model' });
      else if (e?.code === 'interrupted')
        this.update(job, {
          status: 'interrupted',
          error: { code: 'interrupted', message: e.message ?? 'The engine stopped.' },
        });
      else
        this.update(job, {
          status: 'error',
          error: { code: e?.code ?? 'unknown', message: e?.message ?? String(err) },
        });
    } finally {
      this.active = null;
      void this.pump();
    }
  }
}
