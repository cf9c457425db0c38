/**
 * Runs before `npm run dev`: the dev run opens a browser window, which needs a display. Without
 * one, the browser dies at start and WXT reports only `read ECONNRESET`; this says what is
 * missing and what to do instead.
 */
const hasDisplay = process.platform !== 'linux' || !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

if (!hasDisplay) {
  console.error(
    [
      'npm run dev opens Chromium (or Firefox) with Skein loaded, and this machine has no display (DISPLAY and ' +
        'WAYLAND_DISPLAY are unset).',
      'Run it where a desktop session is open, or under a virtual display: xvfb-run -a npm run dev (Debian: ' +
        'apt-get install xvfb).',
      'To try Skein without a dev browser: npm run build, then load .output/chrome-mv3 by hand (README, "Load it ' +
        'by hand").',
    ].join('\n'),
  );
  process.exit(1);
}
