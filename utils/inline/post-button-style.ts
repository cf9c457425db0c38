import { paletteCss } from './palette';

/**
 * Styles of Skein's post button, inside its shadow root. Sized like X's own action icons
 * (18.75px in a 34.75px circle), coloured per X theme.
 */
export const POST_BUTTON_CSS = `
:host { display: inline-flex; align-items: center; justify-content: center; flex: 0 0 auto; }
${paletteCss()}
.trigger { all: unset; box-sizing: border-box; width: 34.75px; height: 34.75px; border-radius: 9999px;
  display: inline-flex; align-items: center; justify-content: center; color: var(--accent); cursor: pointer;
  transition: background-color .2s, color .2s; }
.trigger:hover, .trigger[aria-expanded="true"] { background: var(--highlight); color: var(--accent); }
.trigger:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
svg { width: 18.75px; height: 18.75px; fill: none; stroke: currentColor; stroke-width: 1.8; stroke-linecap: round; }
[popover] { position: fixed; inset: auto; margin: 0; padding: 4px 0; border: 1px solid var(--border);
  border-radius: 12px; background: var(--surface); color: var(--fg);
  box-shadow: 0 4px 18px rgba(101, 119, 134, .25);
  font: 15px/20px -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
.menu { min-width: 180px; }
.menu button { all: unset; box-sizing: border-box; display: block; width: 100%; padding: 10px 16px; cursor: pointer;
  font-weight: 600; }
.menu button:hover { background: var(--highlight); }
.menu button[hidden] { display: none; }
.menu button:focus-visible { background: var(--highlight); outline: 2px solid var(--accent); outline-offset: -2px; }
.notice { max-width: 320px; padding: 10px 12px; display: flex; gap: 8px; align-items: flex-start; }
.notice:not(:popover-open) { display: none; }
.notice span { flex: 1; }
.notice .notice-action { color: var(--accent); font-weight: 700; white-space: nowrap; }
.notice .notice-action[hidden] { display: none; }
.notice button { all: unset; cursor: pointer; padding: 0 4px; color: var(--muted); }
.notice button:focus-visible { outline: 2px solid var(--accent); }
`;
