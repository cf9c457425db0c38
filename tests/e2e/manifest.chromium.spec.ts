import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_BUILD, CHROME_STORE_BUILD, FIREFOX_BUILD, FIREFOX_STORE_BUILD } from './support/env';

/** The built manifests ask for what the features need and nothing wider. */
const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

/** The sites Skein reads, and no others (sorted). */
const SITE_HOSTS = [
  'https://bsky.app/*',
  'https://old.reddit.com/*',
  'https://twitter.com/*',
  'https://www.reddit.com/*',
  'https://x.com/*',
];

test(
  'Chrome manifest: storage, context menu, shortcuts, side panel, offscreen engine page, the sites’ hosts only, ' +
    'wasm-only CSP',
  () => {
    const m = manifest(CHROME_STORE_BUILD);
    expect(m.manifest_version).toBe(3);
    // Cross-origin isolated pages: the CPU engine may use threads.
    expect(m.cross_origin_embedder_policy).toEqual({ value: 'require-corp' });
    expect(m.cross_origin_opener_policy).toEqual({ value: 'same-origin' });
    expect(m.name).toBe('__MSG_extName__');
    expect(m.permissions.sort()).toEqual([
      'contextMenus',
      'offscreen',
      'scripting',
      'sidePanel',
      'storage',
      'unlimitedStorage',
    ]);
    // A Mastodon server or the user's own model server is asked for at the user's click, one host at a time.
    expect(m.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(Object.keys(m.commands).sort()).toEqual([
      '_execute_action',
      'explain-selection',
      'open-panel',
      'summarize-thread',
    ]);
    expect(m.host_permissions.sort()).toEqual(SITE_HOSTS);
    // One content script per site, each on its own site's pages only.
    expect(
      Object.fromEntries(
        m.content_scripts.map((c: { js: string[]; matches: string[] }) => [c.js.join(), c.matches.sort()]),
      ),
    ).toEqual({
      'content-scripts/x.js': ['https://twitter.com/*', 'https://x.com/*'],
      'content-scripts/bluesky.js': ['https://bsky.app/*'],
      'content-scripts/reddit.js': ['https://old.reddit.com/*', 'https://www.reddit.com/*'],
    });
    expect(m.content_security_policy.extension_pages).toBe("script-src 'self' 'wasm-unsafe-eval'; object-src 'self'");
    expect(JSON.stringify(m)).not.toMatch(/all_urls|\*:\/\/\*\//);
    expect(Object.keys(m.icons)).toEqual(expect.arrayContaining(['16', '48', '128']));
  },
);

test('both builds ship the CPU engine’s WebAssembly runtime themselves', () => {
  for (const dir of [CHROME_STORE_BUILD, FIREFOX_STORE_BUILD]) {
    const wasm = readFileSync(join(dir, 'ort/ort-wasm-simd-threaded.wasm'));
    expect(wasm.subarray(0, 4)).toEqual(Buffer.from([0, 0x61, 0x73, 0x6d]));
    expect(readFileSync(join(dir, 'ort/ort-wasm-simd-threaded.mjs'), 'utf8').length).toBeGreaterThan(1000);
  }
});

test('Firefox manifest: a gecko id, no data collection, a sidebar, the same narrow hosts', () => {
  const m = manifest(FIREFOX_STORE_BUILD);
  expect(m.manifest_version).toBe(3);
  expect(m.browser_specific_settings.gecko.id).toBe('skein@skein-extension.org');
  expect(m.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
  expect(m.sidebar_action.default_panel).toBe('sidepanel.html');
  expect(m.permissions.sort()).toEqual(['contextMenus', 'scripting', 'storage', 'unlimitedStorage']);
  expect(m.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  expect(Object.keys(m.commands).sort()).toEqual([
    '_execute_sidebar_action',
    'explain-selection',
    'open-panel',
    'summarize-thread',
  ]);
  expect(m.host_permissions.sort()).toEqual(SITE_HOSTS);
  expect(JSON.stringify(m)).not.toMatch(/all_urls|\*:\/\/\*\//);
});

test('both builds: name, description and shortcut descriptions come from _locales, in English and French', () => {
  for (const dir of [CHROME_STORE_BUILD, FIREFOX_STORE_BUILD]) {
    const m = manifest(dir);
    expect(m.default_locale).toBe('en');
    const keys = [
      m.name,
      m.description,
      ...Object.values(m.commands as Record<string, { description: string }>).map((c) => c.description),
    ];
    const wanted = keys.map((k: string) => /^__MSG_(\w+)__$/.exec(k)?.[1]);
    expect(wanted.every(Boolean)).toBe(true);
    for (const lang of ['en', 'fr']) {
      const messages = JSON.parse(readFileSync(join(dir, `_locales/${lang}/messages.json`), 'utf8'));
      for (const key of wanted) expect(messages[key!]?.message, `${lang}: ${key}`).toBeTruthy();
    }
    const fr = JSON.parse(readFileSync(join(dir, '_locales/fr/messages.json'), 'utf8'));
    expect(fr.cmdSummarize.message).toBe('Résumer le fil de cette page');
  }
});

/** Every script file of a build, read as text. */
const scripts = (dir: string) =>
  (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => /\.(m?js|html)$/.test(f) && !f.startsWith('ort/'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');

test('store builds leave the scripted test engine out; test builds have it', () => {
  for (const dir of [CHROME_STORE_BUILD, FIREFOX_STORE_BUILD]) {
    const code = scripts(dir);
    expect(code).toContain('Qwen2.5 0.5B Instruct');
    expect(code).not.toContain('Scripted (tests)');
    expect(code).not.toContain('testScript');
  }
  for (const dir of [CHROME_BUILD, FIREFOX_BUILD]) {
    const code = scripts(dir);
    expect(code).toContain('Scripted (tests)');
    expect(code).toContain('testScript');
  }
});
