/** Words the user selected on the page, made ready to explain: which post, how much text. */

/** The most characters of a selection sent to the model; longer ones are cut, with a notice. */
export const MAX_SELECTION = 500;

/** A selection as Skein takes it. */
export interface SelectedText {
  text: string;
  /** Whether it was cut to {@link MAX_SELECTION}. */
  trimmed: boolean;
}

/** Whitespace collapsed, and cut at a word boundary when longer than the limit. */
export function trimSelection(raw: string, max = MAX_SELECTION): SelectedText {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return { text, trimmed: false };
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return { text: `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`, trimmed: true };
}

/** The post element a selection starts in, if it starts in one. */
export function postOfSelection(selection: Selection | null, postSelector: string): Element | null {
  const node = selection && selection.rangeCount > 0 ? selection.anchorNode : null;
  const el = node ? (node.nodeType === 1 ? (node as Element) : node.parentElement) : null;
  return el?.closest(postSelector) ?? null;
}
