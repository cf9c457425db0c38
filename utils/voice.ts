/**
 * The user's voice notes (utils/llm/voice.ts), kept in the extension's local storage: one per
 * site account, never sent anywhere. The panel saves one after "Learn my voice", the options
 * page lists and deletes them, and the background reads the one for a draft's account.
 */
import { storage } from '#imports';
import type { SiteId } from './sites/types';
import { cleanNote } from './llm/voice';

/** A style note for one account on one site. */
export interface VoiceNote {
  site: SiteId;
  /** The account's handle, as the site shows it (no `@`). */
  account: string;
  note: string;
  /** How many of the account's posts it was made from. */
  posts: number;
  /** When it was saved (ms since the epoch). */
  savedAt: number;
}

/** Notes by {@link voiceKey}. */
export const voiceNotes = storage.defineItem<Record<string, VoiceNote>>('local:voices', { fallback: {} });

/** One note per site account; handles compare without case, as the sites do. */
export const voiceKey = (site: SiteId, account: string) => `${site}:${account.toLowerCase()}`;

/** The note for an account, if it has one that is not empty. */
export async function voiceFor(site: SiteId, account: string | null | undefined): Promise<VoiceNote | null> {
  if (!account) return null;
  const note = (await voiceNotes.getValue())[voiceKey(site, account)];
  return note && cleanNote(note.note) ? note : null;
}

/** Saves an account's note (cleaned); an empty note deletes it. */
export async function saveVoice(note: Omit<VoiceNote, 'savedAt'>, now = Date.now()): Promise<VoiceNote | null> {
  const clean = cleanNote(note.note);
  if (!clean) {
    await deleteVoice(note.site, note.account);
    return null;
  }
  const saved: VoiceNote = { ...note, note: clean, savedAt: now };
  const all = await voiceNotes.getValue();
  await voiceNotes.setValue({ ...all, [voiceKey(note.site, note.account)]: saved });
  return saved;
}

/** Deletes an account's note. */
export async function deleteVoice(site: SiteId, account: string): Promise<void> {
  const { [voiceKey(site, account)]: _gone, ...rest } = await voiceNotes.getValue();
  await voiceNotes.setValue(rest);
}
