import { startContent } from '@/utils/content/start';
import { redditAdapter } from '@/utils/sites/reddit/extract';

/** Skein on Reddit, new and old: the site-neutral content layer with Reddit's adapter only. Wiring only. */
export default defineContentScript({
  matches: [...redditAdapter.patterns],
  runAt: 'document_idle',
  main: (ctx) => startContent(ctx, redditAdapter),
});
