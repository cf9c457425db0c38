import { adapterFor } from '@/utils/sites';
import { SITE_MATCHES } from '@/utils/sites/hosts';
import { FEATURES } from './features';

/** X's pages: picks the site adapter and starts each feature that applies. Wiring only. */
export default defineContentScript({
  // The same hosts as the manifest's host permissions, and no others.
  matches: SITE_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const site = adapterFor(location.href);
    if (!site) return;
    for (const feature of FEATURES) {
      if (feature.include(new URL(location.href))) feature.init(ctx, site);
    }
  },
});
