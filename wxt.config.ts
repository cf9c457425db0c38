import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { SITE_MATCHES } from './utils/sites/hosts';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';

/**
 * Browsers for `npm run dev`: CHROME_PATH / FIREFOX_PATH, else Debian's packages where they
 * are installed, else WXT finds Chrome and Firefox itself.
 */
function devBrowsers(): Record<string, string> {
  const chrome = process.env.CHROME_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const firefox = process.env.FIREFOX_PATH ?? (existsSync('/usr/bin/firefox-esr') ? '/usr/bin/firefox-esr' : undefined);
  return { ...(chrome ? { chrome } : {}), ...(firefox ? { firefox } : {}) };
}

/**
 * The dev browsers' profiles, kept under the project (git-ignored) so a log-in to X survives
 * from one `npm run dev` to the next.
 */
function devProfile(browser: string): string {
  const dir = resolve('.dev-profile', browser);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * React's production build in every build but `npm run dev` (and the unit tests). WXT sets NODE_ENV to the build's
 * mode, so the test build (`--mode e2e`) shipped React's development build: not what users
 * run, and it writes a console time stamp at each scheduled render, which Firefox's test
 * profile copies to its output (a long download's progress filled that output and stalled the
 * extension's pages). Vite reads NODE_ENV for how it compiles JSX; WXT's define for the code.
 */
// Vitest loads this file too, under NODE_ENV `test`: left as it is.
const development = process.env.NODE_ENV === 'development' || process.env.NODE_ENV === 'test';
if (!development) process.env.NODE_ENV = 'production';
const reactProduction = {
  name: 'skein:react-production',
  config: () => (development ? {} : { define: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
};

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Manifest V3 for both browsers (Firefox would default to V2).
  manifestVersion: 3,
  vite: () => ({ plugins: [react(), tailwindcss(), reactProduction] }),
  // `npm run dev` opens a browser with Skein loaded, on X so it has something to read.
  webExt: {
    startUrls: ['https://x.com/home'],
    binaries: devBrowsers(),
    chromiumProfile: devProfile('chromium'),
    firefoxProfile: devProfile('firefox'),
    keepProfileChanges: true,
    // Chromium refuses to start as root without it (containers, CI-like machines).
    chromiumArgs: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  },
  hooks: {
    // The CPU engine's WebAssembly runtime (ONNX Runtime), copied from the pinned package at
    // build time and served from the extension itself: no code is loaded from outside.
    'build:publicAssets': (_wxt, assets) => {
      for (const file of ['ort-wasm-simd-threaded.mjs', 'ort-wasm-simd-threaded.wasm']) {
        assets.push({ absoluteSrc: resolve(`node_modules/onnxruntime-web/dist/${file}`), relativeDest: `ort/${file}` });
      }
    },
  },
  zip: { artifactTemplate: 'skein-{{version}}-{{browser}}.zip', sourcesTemplate: 'skein-{{version}}-sources.zip' },
  manifest: ({ browser, command }) => ({
    // From public/_locales (en, fr): the store listing and the browser speak the user's language.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings; unlimitedStorage: the model's weights (hundreds of MB) kept on the
    // device; contextMenus: "Explain with Skein" on selected words (on the sites Skein runs on);
    // scripting: Skein's script on the Mastodon servers the user adds; sidePanel and offscreen
    // (Chrome): the panel, and the page the engine runs in.
    permissions: [
      'storage',
      'unlimitedStorage',
      'contextMenus',
      'scripting',
      ...(browser === 'firefox' ? [] : ['sidePanel', 'offscreen']),
    ],
    // The sites Skein reads, and no others.
    host_permissions: SITE_MATCHES,
    // A Mastodon server the user adds (utils/mastodon-servers.ts), or the user's own model server,
    // often plain http on the home network (utils/own-server.ts): asked for at the user's click,
    // that one host only. Nothing is granted by this line.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: 'Skein' },
    // The local engines compile WebAssembly; nothing else is allowed to run.
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    },
    // Chrome: cross-origin isolated extension pages (the offscreen engine page among them) have
    // SharedArrayBuffer, so the CPU engine runs on several threads (about 1.7x on 2 cores).
    // Firefox does not support these keys; its engine runs on one thread (see the README).
    ...(browser === 'firefox'
      ? {}
      : {
          cross_origin_embedder_policy: { value: 'require-corp' },
          cross_origin_opener_policy: { value: 'same-origin' },
        }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'skein@skein-extension.org',
              // The first Firefox (desktop 140, Android 142) that reads data_collection_permissions.
              strict_min_version: '142.0',
              // Skein collects nothing: every read and every answer stays on the device.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
    // The panel from the keyboard; in Firefox also the way to open it after a click in a page,
    // since Firefox lets only the user open its sidebar.
    commands: {
      [browser === 'firefox' ? '_execute_sidebar_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_cmdOpen__',
      },
      // Names match utils/shortcuts.ts (COMMANDS). Chrome takes at most four suggested keys.
      'summarize-thread': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_cmdSummarize__',
      },
      // The dev run leaves this one without a key: WXT's own reload command needs the slot.
      'open-panel': {
        ...(command === 'serve' ? {} : { suggested_key: { default: 'Alt+Shift+L' } }),
        description: '__MSG_cmdPanel__',
      },
      'explain-selection': { suggested_key: { default: 'Alt+Shift+E' }, description: '__MSG_cmdExplain__' },
    },
  }),
});
