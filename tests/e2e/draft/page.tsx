/**
 * A test page that runs the real Draft.js editor inside X's reply-box markup (as in
 * status-article-logged-in.html): the editor's test id, label and role, and a Reply button
 * that X enables once the editor holds text. The saved pages carry this markup but none of
 * X's scripts, so this page supplies the behaviour. It also exposes Skein's reply-box helper
 * for the test to call, as the content script will.
 */
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Editor, EditorState } from 'draft-js';
import { insertIntoReplyBox, isPostEnabled } from '../../../utils/sites/x/reply-box';

declare global {
  interface Window {
    skeinReplyBox: { insertIntoReplyBox: typeof insertIntoReplyBox; isPostEnabled: typeof isPostEnabled };
    draftBlocks(): string[];
  }
}

function ReplyBox() {
  const [state, setState] = useState(() => EditorState.createEmpty());
  window.draftBlocks = () => state.getCurrentContent().getBlocksAsArray().map((b) => b.getText());
  const empty = !state.getCurrentContent().hasText();
  return (
    <div data-testid="inline_reply_offscreen">
      <div data-testid="tweetTextarea_0_label">
        <div data-testid="tweetTextarea_0RichTextInputContainer">
          <Editor
            editorState={state}
            onChange={setState}
            placeholder="Post your reply"
            webDriverTestID="tweetTextarea_0"
            ariaLabel="Post text"
            ariaMultiline
            spellCheck
          />
        </div>
      </div>
      <button type="button" role="button" data-testid="tweetButtonInline" aria-disabled={empty} disabled={empty} tabIndex={empty ? -1 : 0}>
        Reply
      </button>
    </div>
  );
}

window.skeinReplyBox = { insertIntoReplyBox, isPostEnabled };
// Its own root when added to a saved page, whose #react-root holds X's app.
createRoot((document.getElementById('skein-test-reply') ?? document.getElementById('react-root'))!).render(<ReplyBox />);
