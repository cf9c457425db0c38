/** The cache key of a result: the same thread, text, model, prompt, language and action. */
import { PROMPT_VERSION } from '../llm/prompts';
import type { PageSnapshot } from '../sites/types';
import type { AssistantAction } from '../messaging';
import { threadIdOf } from '../seen-posts';

/** SHA-256 of a string, hex. */
async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Which thread a snapshot is (kept with the seen-posts bookkeeping, which page scripts use too). */
export { threadIdOf };

/** The key under which a result is kept. */
export async function cacheKey(
  snapshot: PageSnapshot,
  action: AssistantAction,
  modelId: string,
  lang: string,
  postId: string | null,
  /** What else the result depends on: draft options, a selection, a chat question. */
  detail = '',
): Promise<string> {
  const text = snapshot.posts
    .map((p) => `${p.id}\u0000${p.author.handle}\u0000${p.text}\u0000${p.quoted?.text ?? ''}`)
    .join('\u0001');
  const hash = (await sha256(text)).slice(0, 32);
  const target =
    (action === 'summarize' ? '' : `:${postId ?? ''}`) + (detail ? `:${(await sha256(detail)).slice(0, 16)}` : '');
  return `${snapshot.site}:${threadIdOf(snapshot)}:${hash}:${modelId}:p${PROMPT_VERSION}:${lang}:${action}${target}`;
}
