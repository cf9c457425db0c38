import type { SiteAdapter } from '../../sites/types';
import type { ContentPage } from '../page';
import { citations } from './citations';
import { postButtons } from './post-buttons';
import { summarizePage } from './summarize-page';
import { replyBar } from './reply-bar';
import { selection } from './selection';
import { voice } from './voice';

/** A content-script feature: one feature, one file. */
export interface Feature {
  id: string;
  /** Whether it applies to this page of the site: checked at start and after every in-app navigation. */
  include(url: URL, site: SiteAdapter): boolean;
  /** Starts it on the page; returns what stops it. */
  start(page: ContentPage): () => void;
}

/** Every feature, in start order. */
export const FEATURES: Feature[] = [postButtons, citations, summarizePage, replyBar, selection, voice];
