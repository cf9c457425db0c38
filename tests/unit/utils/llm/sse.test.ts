import { describe, expect, it } from 'vitest';
import { SseReader } from '@/utils/llm/sse';

/** Every event's data, the stream given in these pieces. */
function read(pieces: (string | Uint8Array)[]): string[] {
  const reader = new SseReader();
  return [...pieces.flatMap((p) => reader.push(p)), ...reader.end()];
}

const bytes = (s: string) => new TextEncoder().encode(s);

describe('SseReader', () => {
  const stream = 'data: {"a":1}\n\ndata: {"a":2}\n\ndata: [DONE]\n\n';
  it.each([
    ['whole', [stream]],
    ['cut inside lines', ['data: {"a', '":1}\n', '\ndata: {"a":2}\n\nda', 'ta: [DONE]\n\n']],
    ['one character at a time', [...stream]],
    [
      'with CRLF, cut between \\r and \\n',
      [stream.replaceAll('\n', '\r\n').slice(0, 14), stream.replaceAll('\n', '\r\n').slice(14)],
    ],
    ['with CR only', [stream.replaceAll('\n', '\r')]],
    [
      'with keep-alive comments and other fields',
      [': ping\n\nevent: x\nid: 3\ndata: {"a":1}\n\n: ping\ndata: {"a":2}\n\ndata: [DONE]\n\n'],
    ],
    ['without a space after data:', [stream.replaceAll('data: ', 'data:')]],
  ])('reads the events %s', (_, pieces) => {
    expect(read(pieces)).toEqual(['{"a":1}', '{"a":2}', '[DONE]']);
  });

  it('joins an event’s data lines, and keeps a character cut between pieces whole', () => {
    const all = bytes('data: é\ndata: 😀\n\n');
    const cuts = [all.slice(0, 7), all.slice(7, 12), all.slice(12)];
    expect(read(cuts)).toEqual(['é\n😀']);
  });

  it('a \\n after a piece that ended on \\r is that line’s end, not an empty line', () => {
    // Were it an empty line, the event would end after its first data line.
    expect(read(['data: a\r', '\ndata: b\r\n\r\n'])).toEqual(['a\nb']);
  });

  it('an event cut off by the end of the stream still counts; a stream of nothing has none', () => {
    expect(read(['data: last'])).toEqual(['last']);
    expect(read([''])).toEqual([]);
  });
});
