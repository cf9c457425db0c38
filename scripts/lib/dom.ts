/** Parsing saved pages into a DOM in Node, for the command-line reader and the benchmarks. */
import { Window } from 'happy-dom';

/**
 * Parses an HTML string into a Document. happy-dom is used here and in the unit tests so both
 * read pages the same way; scripts never run.
 */
export function parseHtml(html: string, url: string): Document {
  return openHtml(html, url).doc;
}

/**
 * Parses an HTML string in its own window and gives a way to close that window: a test that
 * reads many large pages closes each, since an open window keeps its page in memory.
 */
export function openHtml(html: string, url: string): { doc: Document; close(): Promise<void> } {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      handleDisabledFileLoadingAsSuccess: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
        disableFallbackToSetURL: true,
      },
    },
  });
  const doc = new window.DOMParser().parseFromString(html, 'text/html');
  return { doc: doc as unknown as Document, close: () => window.happyDOM.close() };
}
