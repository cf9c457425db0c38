/**
 * Styles of Skein's post button, inside its shadow root. Sized like X's own action icons
 * (18.75px in a 34.75px circle), coloured per X theme.
 */
export const POST_BUTTON_CSS = `
:host { display: inline-flex; align-items: center; justify-content: center; flex: 0 0 auto;
  --skein-icon: rgb(83, 100, 113); --skein-accent: rgb(120, 86, 255); --skein-hover: rgba(120, 86, 255, .1);
  --skein-surface: #fff; --skein-text: rgb(15, 20, 25); --skein-border: rgb(207, 217, 222); }
:host([data-theme="dim"]) { --skein-icon: rgb(139, 152, 165); --skein-accent: rgb(160, 138, 255);
  --skein-hover: rgba(160, 138, 255, .12); --skein-surface: rgb(21, 32, 43); --skein-text: rgb(247, 249, 249);
  --skein-border: rgb(56, 68, 77); }
:host([data-theme="dark"]) { --skein-icon: rgb(113, 118, 123); --skein-accent: rgb(160, 138, 255);
  --skein-hover: rgba(160, 138, 255, .12); --skein-surface: #000; --skein-text: rgb(231, 233, 234);
  --skein-border: rgb(47, 51, 54); }
.trigger { all: unset; box-sizing: border-box; width: 34.75px; height: 34.75px; border-radius: 9999px;
  display: inline-flex; align-items: center; justify-content: center; color: var(--skein-icon); cursor: pointer;
  transition: background-color .2s, color .2s; }
.trigger:hover, .trigger[aria-expanded="true"] { background: var(--skein-hover); color: var(--skein-accent); }
.trigger:focus-visible { outline: 2px solid var(--skein-accent); outline-offset: 1px; }
svg { width: 18.75px; height: 18.75px; fill: none; stroke: currentColor; stroke-width: 1.8; stroke-linecap: round; }
[popover] { position: fixed; inset: auto; margin: 0; padding: 4px 0; border: 1px solid var(--skein-border);
  border-radius: 12px; background: var(--skein-surface); color: var(--skein-text);
  box-shadow: 0 4px 18px rgba(101, 119, 134, .25); font: 15px/20px -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
.menu { min-width: 180px; }
.menu button { all: unset; box-sizing: border-box; display: block; width: 100%; padding: 10px 16px; cursor: pointer; font-weight: 600; }
.menu button:hover, .menu button:focus-visible { background: var(--skein-hover); outline: none; }
.notice { max-width: 320px; padding: 10px 12px; display: flex; gap: 8px; align-items: flex-start; }
.notice:not(:popover-open) { display: none; }
.notice span { flex: 1; }
.notice .notice-action { color: var(--skein-accent); font-weight: 700; white-space: nowrap; }
.notice .notice-action[hidden] { display: none; }
.notice button { all: unset; cursor: pointer; padding: 0 4px; color: var(--skein-icon); }
.notice button:focus-visible { outline: 2px solid var(--skein-accent); }
`;
