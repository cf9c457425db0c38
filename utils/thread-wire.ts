/**
 * A thread request's way from a page to the background. A browser converts a message on the
 * sending page's own thread, so one message holding a thread of thousands of posts is a long
 * task in the page (a 5,000-comment Reddit thread is about 2 MB). The request goes as JSON
 * instead, in parts of {@link PART_CHARS}, one part a task; the last part, which the
 * background answers, opens the thread.
 */
import type { ThreadAccepted, ThreadRequest } from './messaging';

/** The size of a part, in characters: a few milliseconds of the page's time to send. */
export const PART_CHARS = 256 * 1024;

/** The most parts one request may have (32 MB of JSON): far beyond any page's thread. */
export const MAX_PARTS = 128;

/** How long the background keeps the parts of a request whose last part has not come (ms). */
export const PARTS_KEPT_MS = 60_000;

/** A request's last part (or the whole of a short one), as the page sends it. */
export interface ThreadRequestWire {
  json: string;
  /** The request went in parts: this is the last of `count`, after `count - 1` sent as `id`. */
  parts?: { id: string; count: number };
}

/** One of a long request's leading parts. */
export interface ThreadPart {
  id: string;
  index: number;
  json: string;
}

/** How the page reaches the background. */
export interface WirePorts {
  part(part: ThreadPart): Promise<void>;
  last(wire: ThreadRequestWire): Promise<ThreadAccepted>;
}

/**
 * Page side: sends `request`. A long one goes in parts, each awaited, so each is its own task
 * and they arrive in order.
 */
export async function sendThreadRequest(request: ThreadRequest, ports: WirePorts): Promise<ThreadAccepted> {
  const json = JSON.stringify(request);
  if (json.length <= PART_CHARS) return ports.last({ json });
  const id = crypto.randomUUID();
  const count = Math.ceil(json.length / PART_CHARS);
  for (let index = 0; index < count - 1; index++)
    await ports.part({ id, index, json: json.slice(index * PART_CHARS, (index + 1) * PART_CHARS) });
  return ports.last({ json: json.slice((count - 1) * PART_CHARS), parts: { id, count } });
}

interface Pending {
  parts: string[];
  at: number;
}

/**
 * Background side: keeps the parts of long requests, by tab and request, until their last part
 * comes. A part out of shape is refused. (Who may send parts is checked by the caller.)
 */
export class ThreadParts {
  private pending = new Map<string, Pending>();

  constructor(private now: () => number = Date.now) {}

  /** Keeps a part the page in tab `tabId` sent. */
  add(tabId: number, data: unknown): void {
    const part = data as Partial<ThreadPart> | null;
    if (
      typeof part?.id !== 'string' ||
      part.id.length > 64 ||
      !Number.isInteger(part.index) ||
      part.index! < 0 ||
      part.index! >= MAX_PARTS - 1 ||
      typeof part.json !== 'string' ||
      part.json.length > PART_CHARS
    )
      throw new Error('Malformed thread part.');
    this.dropStale();
    const key = `${tabId}:${part.id}`;
    const pending = this.pending.get(key) ?? { parts: [], at: this.now() };
    pending.parts[part.index!] = part.json;
    this.pending.set(key, pending);
  }

  /**
   * The request a last part completes, parsed; null when it is not a request's JSON or a part
   * is missing (the shape is checked after, by the request's own check).
   */
  complete(tabId: number | undefined, data: unknown): unknown {
    const wire = data as Partial<ThreadRequestWire> | null;
    if (typeof wire?.json !== 'string') return null;
    let json = wire.json;
    if (wire.parts) {
      const { id, count } = wire.parts;
      const key = `${tabId}:${id}`;
      const pending = this.pending.get(key);
      this.pending.delete(key);
      if (!pending || !Number.isInteger(count) || count > MAX_PARTS || pending.parts.length !== count - 1) return null;
      // A part that never came leaves a hole, which `some` and `join` would pass over: look at each.
      for (let index = 0; index < count - 1; index++) if (typeof pending.parts[index] !== 'string') return null;
      json = pending.parts.join('') + json;
    }
    try {
      return JSON.parse(json);
    } catch {
      return null;
    }
  }

  /**
   * Forgets a closed tab's parts. (Not named `forgetTab`: WXT's auto-imports would read a
   * method of that name as a use of thread-store's export and put that module, with its session
   * storage, into the content scripts.)
   */
  dropTab(tabId: number): void {
    for (const key of this.pending.keys()) if (key.startsWith(`${tabId}:`)) this.pending.delete(key);
  }

  /** Drops the parts of requests whose last part never came (the page was closed or reloaded). */
  private dropStale(): void {
    const now = this.now();
    for (const [key, pending] of this.pending) if (now - pending.at > PARTS_KEPT_MS) this.pending.delete(key);
  }
}
