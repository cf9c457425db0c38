import { startContent } from '@/utils/content/start';
import { xAdapter } from '@/utils/sites/x/extract';

/** Skein on X: the site-neutral content layer with X's adapter only. Wiring only. */
export default defineContentScript({
  matches: [...xAdapter.patterns],
  runAt: 'document_idle',
  main: (ctx) => startContent(ctx, xAdapter),
});
