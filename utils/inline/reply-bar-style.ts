import { paletteCss } from './palette';

/** Styles of Skein's reply bar, inside its shadow root, coloured per X theme. */
export const REPLY_BAR_CSS = `
:host { display: block; margin: 4px 0 8px; }
${paletteCss()}
.bar { color: var(--fg);
  font: 14px/18px -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
button, select, input { font: inherit; color: inherit; }
button { cursor: pointer; border-radius: 9999px; border: 1px solid var(--border); background: transparent;
  padding: 4px 12px; }
button.primary { background: var(--accent); border-color: var(--accent); color: var(--on-accent); font-weight: 700; }
button:disabled { opacity: .5; cursor: default; }
button:focus-visible, select:focus-visible, input:focus-visible { outline: 2px solid var(--accent);
  outline-offset: 1px; }
.toggle { border-color: transparent; color: var(--accent); font-weight: 700; padding: 4px 8px; }
.panel { margin-top: 6px; padding: 10px; border: 1px solid var(--accent); border-radius: 12px; background: var(--bg); }
.panel[hidden], .variants[hidden], .after[hidden], .voice[hidden], .status:empty { display: none; }
.controls { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
label { display: inline-flex; gap: 4px; align-items: center; color: var(--muted); font-size: 13px; }
select, input { background: var(--field); border: 1px solid var(--border); border-radius: 6px; padding: 3px 6px; }
input[type="text"] { flex: 1 1 180px; min-width: 120px; }
.voice input { accent-color: var(--accent); }
.status { margin: 8px 0 0; color: var(--muted); font-size: 13px; }
.variants { list-style: none; margin: 8px 0 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.variants li { display: flex; gap: 8px; align-items: flex-start; padding: 8px; border: 1px solid var(--border);
  border-radius: 8px; background: var(--field); }
.variants p { flex: 1; margin: 0; white-space: pre-wrap; }
.after { display: flex; gap: 8px; margin-top: 8px; }
`;
