import { startContent } from '@/utils/content/start';
import { blueskyAdapter } from '@/utils/sites/bluesky/extract';

/** Skein on Bluesky: the site-neutral content layer with Bluesky's adapter only. Wiring only. */
export default defineContentScript({
  matches: [...blueskyAdapter.patterns],
  runAt: 'document_idle',
  main: (ctx) => startContent(ctx, blueskyAdapter),
});
