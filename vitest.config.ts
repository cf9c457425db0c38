import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

/** Unit tests: WXT's plugin gives `browser` a fake and resolves `#imports` and `@/`. */
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    // Saved pages link stylesheets, iframes and scripts on the real site: never load them.
    environmentOptions: {
      happyDOM: {
        settings: {
          disableJavaScriptFileLoading: true,
          disableCSSFileLoading: true,
          disableIframePageLoading: true,
          handleDisabledFileLoadingAsSuccess: true,
        },
      },
    },
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    // What the user does is trusted; tests make a page script's events themselves.
    setupFiles: ['tests/unit/support/user-events.ts'],
    testTimeout: 20_000,
  },
});
