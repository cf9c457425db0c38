import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HAVE_SHARED, NO_SHARED, ROOT, own, shared } from '../support/fixtures';

/** Runs `npm run extract`'s script the way npm does, without npm's banner. */
function extract(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/extract.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run extract', () => {
  it('prints the snapshot as JSON, and nothing else, on stdout', () => {
    const r = extract(
      own('x/status-thread-replies.html'),
      '--url',
      'https://x.com/skein_test/status/1900000000000000010',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const snap = JSON.parse(r.stdout);
    expect(snap).toMatchObject({
      site: 'x',
      kind: 'thread',
      focusedPostId: '1900000000000000010',
      url: 'https://x.com/skein_test/status/1900000000000000010',
    });
    expect(snap.posts).toHaveLength(9);
  });

  it.skipIf(!HAVE_SHARED)(`reads a real page (${HAVE_SHARED ? 'present' : NO_SHARED})`, () => {
    const r = extract(shared('x/cell-quote-image.html'), '--url=https://x.com/home');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).posts[0].quoted.author.handle).toBe('OriginalAuthor');
  });

  it('reads a Bluesky page', () => {
    const r = extract(own('bluesky/thread-edges.html'), '--url', 'https://bsky.app/profile/skein.example/post/3focus');
    expect(r.code).toBe(0);
    const snap = JSON.parse(r.stdout);
    expect(snap).toMatchObject({ site: 'bluesky', kind: 'thread', focusedPostId: '3focus' });
    expect(snap.posts.map((p: { id: string }) => p.id)).toEqual(['3parent', '3focus', '3video', '3photo']);
  });

  it('prints posts: [] for a supported page without posts', () => {
    const r = extract(own('x/loading.html'), '--url', 'https://x.com/home');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).posts).toEqual([]);
  });

  const dir = mkdtempSync(join(tmpdir(), 'skein-extract-'));
  const binary = join(dir, 'image.png');
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
  const text = join(dir, 'notes.txt');
  writeFileSync(text, 'just some words, no markup');

  it.each([
    ['a missing file', [join(dir, 'nope.html'), '--url', 'https://x.com/home'], /cannot read/],
    ['a directory', [dir, '--url', 'https://x.com/home'], /not a file/],
    ['a binary file', [binary, '--url', 'https://x.com/home'], /not an HTML page/],
    ['a text file', [text, '--url', 'https://x.com/home'], /not an HTML page/],
    ['an unsupported site', [own('x/poll.html'), '--url', 'https://example.com/post/1'], /no supported site/],
    ['a URL that is no URL', [own('x/poll.html'), '--url', 'not a url'], /no supported site/],
    ['no --url', [own('x/poll.html')], /missing --url/],
    ['no file', [], /usage/],
  ])('exits 1 with a one-line reason for %s', (_name, args, reason) => {
    const r = extract(...(args as string[]));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(reason);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
