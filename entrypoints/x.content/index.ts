import { adapterFor } from '@/utils/sites';
import { SITE_MATCHES } from '@/utils/sites/hosts';
import { setUiLanguage } from '@/utils/i18n';
import { getSettings } from '@/utils/settings';
import { DEFAULT_SETTINGS } from '@/utils/settings-schema';
import { FEATURES } from './features';

/** X's pages: picks the site adapter and starts each feature that applies. Wiring only. */
export default defineContentScript({
  // The same hosts as the manifest's host permissions, and no others.
  matches: SITE_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    const site = adapterFor(location.href);
    if (!site) return;
    // The buttons speak the interface language the user chose.
    const settings = await getSettings().catch(() => DEFAULT_SETTINGS);
    setUiLanguage(settings.uiLanguage);
    for (const feature of FEATURES) {
      if (feature.include(new URL(location.href))) feature.init(ctx, site, settings);
    }
  },
});
