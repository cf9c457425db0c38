import { adapterFor } from '@/utils/sites';
import { FEATURES } from './features';

/** X's pages: picks the site adapter and starts each feature that applies. Wiring only. */
export default defineContentScript({
  // The same hosts as the manifest's host permissions, and no others.
  matches: ['https://x.com/*', 'https://twitter.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const site = adapterFor(location.href);
    if (!site) return;
    for (const feature of FEATURES) {
      if (feature.include(new URL(location.href))) feature.init(ctx, site);
    }
  },
});
