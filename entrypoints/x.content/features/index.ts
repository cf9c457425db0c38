import type { ContentScriptContext } from '#imports';
import type { SiteAdapter } from '@/utils/sites/types';
import { citations } from './citations';
import { postButtons } from './post-buttons';
import { summarizePage } from './summarize-page';
import { replyBar } from './reply-bar';
import { selection } from './selection';
import type { Settings } from '@/utils/settings-schema';

/** A content-script feature: one feature, one file. */
export interface Feature {
  id: string;
  include(url: URL): boolean;
  init(ctx: ContentScriptContext, site: SiteAdapter, settings: Settings): void;
}

/** Every feature, in start order. */
export const FEATURES: Feature[] = [postButtons, citations, summarizePage, replyBar, selection];
