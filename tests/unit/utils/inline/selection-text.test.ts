import { describe, expect, it } from 'vitest';
import { MAX_SELECTION, postOfSelection, trimSelection } from '@/utils/inline/selection-text';

describe('trimSelection', () => {
  it.each([
    ['  a  few\n words ', { text: 'a few words', trimmed: false }],
    ['', { text: '', trimmed: false }],
  ])('%j', (raw, expected) => expect(trimSelection(raw)).toEqual(expected));

  it('cuts a long selection at a word boundary and marks the cut', () => {
    const raw = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
    const { text, trimmed } = trimSelection(raw);
    expect(trimmed).toBe(true);
    expect(text.length).toBeLessThanOrEqual(MAX_SELECTION + 1);
    expect(text.endsWith('…')).toBe(true);
    expect(raw.startsWith(text.slice(0, -1))).toBe(true);
    expect(text.slice(0, -1)).toMatch(/word\d+$/);
  });

  it('cuts one long word where it must', () => {
    expect(trimSelection('x'.repeat(600)).text).toBe(`${'x'.repeat(MAX_SELECTION)}…`);
  });
});

describe('postOfSelection', () => {
  it('finds the post a selection starts in, and none outside posts', () => {
    document.body.innerHTML =
      '<article data-testid="tweet"><div><span id="in">gauge</span></div></article><p id="out">elsewhere</p>';
    const select = (id: string) => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById(id)!.firstChild!);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      return sel;
    };
    expect(postOfSelection(select('in'), 'article[data-testid="tweet"]')?.localName).toBe('article');
    expect(postOfSelection(select('out'), 'article[data-testid="tweet"]')).toBeNull();
    expect(postOfSelection(null, 'article')).toBeNull();
  });
});
