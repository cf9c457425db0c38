/**
 * Server-sent events, as an OpenAI-compatible server streams a chat completion: `data:` lines,
 * an empty line ending each event, `:` comments (keep-alives), and `data: [DONE]` at the end.
 * Pieces of the stream arrive cut anywhere, even inside a line or a character.
 */

/** Turns a stream's pieces into its events' data, in order. */
export class SseReader {
  private rest = '';
  /** The last piece ended with a \r: a \n starting the next one belongs to it. */
  private endedOnCr = false;
  private data: string[] = [];
  private decoder = new TextDecoder();

  /** Reads one piece; returns the data of the events it completed. */
  push(piece: Uint8Array | string): string[] {
    let text = typeof piece === 'string' ? piece : this.decoder.decode(piece, { stream: true });
    // Only part of a character so far: nothing to read yet.
    if (!text) return [];
    if (this.endedOnCr && text.startsWith('\n')) text = text.slice(1);
    this.endedOnCr = text.endsWith('\r');
    const lines = (this.rest + text).split(/\r\n|\r|\n/);
    // A piece may end inside a line: keep that part for the next.
    this.rest = lines.pop() ?? '';
    return this.lines(lines);
  }

  /** The stream ended: an event left without its empty line still counts. */
  end(): string[] {
    const last = this.rest + this.decoder.decode();
    this.rest = '';
    return this.lines(last ? [last, ''] : ['']);
  }

  private lines(lines: string[]): string[] {
    const events: string[] = [];
    for (const line of lines) {
      if (line === '') {
        if (this.data.length) events.push(this.data.join('\n'));
        this.data = [];
      } else if (line.startsWith('data:')) {
        this.data.push(line.slice(line.startsWith('data: ') ? 6 : 5));
      }
      // Comments (`:`) and other fields (`event:`, `id:`, `retry:`) carry nothing Skein reads.
    }
    return events;
  }
}
