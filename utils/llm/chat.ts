/**
 * Follow-up questions about a thread: the thread goes first as delimited data, then the
 * conversation so far, then the new question. Questions are the user's; the thread is not.
 */
import type { ChatMessage } from './engine';
import { onThread } from './prompts';

/** One exchange of the conversation. */
export interface ChatTurn {
  question: string;
  answer: string;
}

/** A follow-up question, and the exchanges before it. */
export interface ChatAsk {
  question: string;
  turns: ChatTurn[];
}

/** The longest question kept, and how many earlier exchanges go back to the model. */
export const MAX_QUESTION = 1000;
export const MAX_TURNS = 6;

/** The messages for `question` about the thread in `block`, after the earlier `turns`. */
export function chatMessages(block: string, lang: string, turns: ChatTurn[], question: string): ChatMessage[] {
  // The thread first, as in every job on it: what the engine read for an earlier job is reused.
  const messages: ChatMessage[] = [
    ...onThread(block, lang, 'I will ask you about this thread.'),
    { role: 'assistant', content: 'Ask away.' },
  ];
  for (const turn of turns.slice(-MAX_TURNS)) {
    messages.push({ role: 'user', content: turn.question }, { role: 'assistant', content: turn.answer });
  }
  messages.push({ role: 'user', content: question });
  return messages;
}

/** Chat turns from an untrusted message: strings only, cut to size. */
export function chatTurnsFrom(value: unknown): ChatTurn[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((t): t is ChatTurn => typeof t?.question === 'string' && typeof t?.answer === 'string')
    .slice(-MAX_TURNS)
    .map((t) => ({ question: t.question.slice(0, MAX_QUESTION), answer: t.answer.slice(0, 4000) }));
}
