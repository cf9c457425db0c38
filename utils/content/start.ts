/**
 * Starting Skein on a site's page: the features that apply, kept in step with in-app
 * navigation. Feeds are single-page apps: a click from the home timeline to a thread changes the
 * address without loading a page, so which features apply is checked again on every change.
 */
import type { ContentScriptContext } from '#imports';
import { setUiLanguage } from '../i18n/inline';
import { getSettings } from '../settings';
import { DEFAULT_SETTINGS } from '../settings-schema';
import type { SiteAdapter } from '../sites/types';
import { FEATURES, type Feature } from './features';
import { contentPage, type ContentPage } from './page';

/**
 * Starts the features that apply to `url` and not yet running, and stops those running that no
 * longer apply. `running` maps a feature's id to what stops it.
 */
export function applyFeatures(
  features: readonly Feature[],
  running: Map<string, () => void>,
  url: URL,
  page: ContentPage,
): void {
  for (const feature of features) {
    const wanted = feature.include(url, page.site);
    const stop = running.get(feature.id);
    if (wanted && !stop) running.set(feature.id, feature.start(page));
    else if (!wanted && stop) {
      stop();
      running.delete(feature.id);
    }
  }
}

/** A site's content script: its adapter is the only reader it loads. Wiring only. */
export async function startContent(ctx: ContentScriptContext, site: SiteAdapter): Promise<void> {
  // The buttons speak the interface language the user chose.
  const settings = await getSettings().catch(() => DEFAULT_SETTINGS);
  if (ctx.isInvalid) return;
  setUiLanguage(settings.uiLanguage);
  const page = contentPage(ctx, site, settings);
  const running = new Map<string, () => void>();
  applyFeatures(FEATURES, running, new URL(location.href), page);
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => applyFeatures(FEATURES, running, newUrl, page));
  ctx.onInvalidated(() => {
    for (const stop of running.values()) stop();
    running.clear();
  });
}
