import { describe, expect, it } from 'vitest';
import { readInstance, serverOrigin, serverPattern } from '@/utils/sites/mastodon/servers';

describe('serverOrigin: the server a user means', () => {
  it.each([
    ['mastodon.social', 'https://mastodon.social'],
    ['  Mastodon.Social  ', 'https://mastodon.social'],
    ['https://indieweb.social/@alabut/115980505754407833', 'https://indieweb.social'],
    ['@knitter@yarn.example', 'https://yarn.example'],
    ['knitter@yarn.example', 'https://yarn.example'],
    ['https://knit.example:8443/home', 'https://knit.example:8443'],
    ['http://insecure.example', null],
    ['localhost', null],
    ['https://user:pw@knit.example', null],
    ['x.com', null],
    ['https://bsky.app/profile/a', null],
    ['www.reddit.com', null],
    ['medium.com', null],
    ['not a server', null],
    ['', null],
  ])('%s → %s', (input, origin) => expect(serverOrigin(input)).toBe(origin));

  it('asks for that one origin and nothing wider', () => {
    expect(serverPattern('https://knit.example')).toBe('https://knit.example/*');
  });
});

describe('readInstance: a Mastodon server’s answer, and nothing else', () => {
  it.each([
    [
      { domain: 'knit.example', version: '4.3.2', title: 'Knitters' },
      { domain: 'knit.example', version: '4.3.2', title: 'Knitters' },
    ],
    // The older API's shape.
    [
      { uri: 'knit.example', version: '3.5.3' },
      { domain: 'knit.example', version: '3.5.3', title: '' },
    ],
    [{ domain: 'knit.example' }, null],
    [{ domain: 'knit.example', version: 'latest' }, null],
    [{ error: 'Not found' }, null],
    ['<html>', null],
    [null, null],
  ])('%j → %j', (json, info) => expect(readInstance(json)).toEqual(info));
});
