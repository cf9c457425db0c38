/**
 * One way to say what went wrong, on every surface (panel, reply bar, card): each error code
 * has a sentence for people, one next step that works, and the action its button takes. The
 * engine's own message (often raw: "TypeError: Failed to fetch") is a detail, not the sentence.
 */
import { t, type InlineKey, type UiLanguage } from './i18n/inline';
import type { EngineKind } from './llm/engine';

/** What an error's button does: run the job again, switch to the CPU engine, or open the options. */
export type ErrorAction = 'retry' | 'use-cpu' | 'options';

/** The codes jobs end with (EngineError's, and the queue's own). */
export const ERROR_CODES = [
  'no-webgpu',
  'download',
  'load',
  'load-timeout',
  'too-big',
  'device-lost',
  'quota',
  'generate',
  'too-long',
  'engine-stopped',
  'server',
  'interrupted',
  'unknown',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

interface ErrorEntry {
  text: InlineKey;
  next: InlineKey;
  action: ErrorAction;
}

/** The table: what each code says and offers. */
export const ERRORS: Record<ErrorCode, ErrorEntry> = {
  'no-webgpu': { text: 'error.no-webgpu', next: 'job.next.cpu', action: 'use-cpu' },
  download: { text: 'error.download', next: 'job.next.download', action: 'retry' },
  load: { text: 'error.load', next: 'job.next.damaged', action: 'retry' },
  'load-timeout': { text: 'error.load-timeout', next: 'job.next.busy', action: 'retry' },
  'too-big': { text: 'error.too-big', next: 'job.next.smaller', action: 'options' },
  'device-lost': { text: 'error.device-lost', next: 'job.next.cpu', action: 'use-cpu' },
  quota: { text: 'error.quota', next: 'job.next.quota', action: 'options' },
  generate: { text: 'error.generate', next: 'job.next.retry', action: 'retry' },
  'too-long': { text: 'error.too-long', next: 'job.next.retry', action: 'retry' },
  'engine-stopped': { text: 'error.engine-stopped', next: 'job.next.damaged', action: 'retry' },
  server: { text: 'error.server', next: 'job.next.server', action: 'options' },
  interrupted: { text: 'error.interrupted', next: 'job.next.again', action: 'retry' },
  unknown: { text: 'error.unknown', next: 'job.next.retry', action: 'retry' },
};

/** An error as a surface shows it. */
export interface ShownError {
  code: ErrorCode;
  text: string;
  next: string;
  action: ErrorAction;
}

/** On WebGPU, failures to get a model running point to the CPU engine, which works anywhere. */
const GPU_FALLBACK = new Set<ErrorCode>(['download', 'load', 'load-timeout', 'too-big', 'device-lost', 'no-webgpu']);

/**
 * What to show for a job's error. On WebGPU, a model that will not download, load or fit
 * points to the CPU engine rather than to a retry or a smaller model.
 */
export function describeError(
  code: string | undefined,
  engine: EngineKind,
  model: string,
  lang?: UiLanguage,
): ShownError {
  const known: ErrorCode = (ERROR_CODES as readonly string[]).includes(code ?? '') ? (code as ErrorCode) : 'unknown';
  const gpu = engine === 'webgpu' && GPU_FALLBACK.has(known);
  const text: InlineKey = gpu && known === 'too-big' ? 'error.too-big-gpu' : ERRORS[known].text;
  const entry = gpu ? { text, next: 'job.next.cpu' as InlineKey, action: 'use-cpu' as const } : ERRORS[known];
  return { code: known, text: t(entry.text, { model }, lang), next: t(entry.next, {}, lang), action: entry.action };
}
