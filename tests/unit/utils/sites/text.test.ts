import { describe, expect, it } from 'vitest';
import { absoluteUrl, paragraphText } from '@/utils/sites/text';

const body = (html: string) => {
  const el = document.createElement('div');
  el.innerHTML = html;
  return el;
};

describe('paragraphText', () => {
  it.each([
    // Plain paragraphs (read by the browser in one call each).
    ['<p>One</p><p>Two</p>', 'One\n\nTwo'],
    ['\n  <p>  Spaces\n and\u00a0lines  </p>\n  <p></p>\n', 'Spaces and lines'],
    [
      '<p>See <a href="https://example.org/x"><span>https://</span>example.org/x</a> now</p>',
      'See https://example.org/x now',
    ],
    // Anything more goes the long way, with the same rules.
    ['<p>One<br>line two</p><p>Two</p>', 'One\nline two\n\nTwo'],
    ['<p>A <img alt="🧶"> ball</p>', 'A 🧶 ball'],
    ['<p>Quote:</p><blockquote><p>said</p></blockquote>', 'Quote:\n\nsaid'],
    ['<ul><li>one</li><li>two</li></ul>', 'one\n\ntwo'],
    ['<p>Text<button>Show more</button></p>', 'Text'],
    ['Loose text <p>then a paragraph</p>', 'Loose text\n\nthen a paragraph'],
    ['<div><p>nested</p></div>', 'nested'],
    ['', ''],
  ])('%j → %j', (html, text) => {
    expect(paragraphText(body(html))).toBe(text);
  });
});

describe('absoluteUrl', () => {
  it.each([
    [
      '/r/knitting/comments/abc/x/',
      'https://www.reddit.com/r/knitting/',
      'https://www.reddit.com/r/knitting/comments/abc/x/',
    ],
    ['/user/knitter_1/', 'https://old.reddit.com/', 'https://old.reddit.com/user/knitter_1/'],
    // What a URL parser changes goes through it.
    ['/a/../b/./c', 'https://x.com/', 'https://x.com/b/c'],
    ['/search?q=a b', 'https://x.com/', 'https://x.com/search?q=a%20b'],
    ['/caf\u00e9', 'https://x.com/', 'https://x.com/caf%C3%A9'],
    ['//cdn.example/x', 'https://x.com/', 'https://cdn.example/x'],
    ['status/1', 'https://x.com/a/', 'https://x.com/a/status/1'],
    ['https://example.org/', 'https://x.com/', 'https://example.org/'],
    ['/x', 'not a url', null],
    ['', 'https://x.com/', null],
    [null, 'https://x.com/', null],
  ])('%j against %j → %j', (href, base, url) => {
    expect(absoluteUrl(href, base)).toBe(url);
  });
});
