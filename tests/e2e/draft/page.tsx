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
import { insertByPaste as insertIntoReplyBox } from '../../../utils/sites/paste';
import { isPostEnabled } from '../../../utils/sites/x/reply-box';

declare global {
  interface Window {
    skeinReplyBox: { insertIntoReplyBox: typeof insertIntoReplyBox; isPostEnabled: typeof isPostEnabled };
    /** Clicks on the box's Reply button: posting, which Skein must never do. */
    replyClicks: number;
    draftBlocks(): string[];
  }
}

function ReplyBox() {
  const [state, setState] = useState(() => EditorState.createEmpty());
  window.draftBlocks = () =>
    state
      .getCurrentContent()
      .getBlocksAsArray()
      .map((b) => b.getText());
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
      <button
        type="button"
        data-testid="tweetButtonInline"
        aria-disabled={empty}
        disabled={empty}
        tabIndex={empty ? -1 : 0}
        onClick={post}
      >
        Reply
      </button>
    </div>
  );
}

/** X's Reply: counted, and sent to X's post endpoint as X does (tests check neither happened). */
function post() {
  window.replyClicks += 1;
  void fetch('https://x.com/i/api/graphql/skein-test/CreateTweet', { method: 'POST' }).catch(() => undefined);
}

/**
 * X's reply dialog: a post's reply control opens a dialog with that post and a reply box.
 * On the saved pages the control does nothing (none of X's scripts), so this page does it.
 */
function ReplyDialog({ post, onClose }: { post: string; onClose(): void }) {
  return (
    <div role="dialog" aria-modal="true" aria-label="Reply" data-testid="test-reply-dialog">
      <button type="button" aria-label="Close" onClick={onClose}>
        ×
      </button>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: X's article markup, copied as X's dialog shows it. */}
      <div dangerouslySetInnerHTML={{ __html: post }} />
      <ReplyBox />
    </div>
  );
}

document.addEventListener('click', (e) => {
  const control = (e.target as Element).closest?.('[data-testid="reply"]');
  const article = control?.closest('article');
  if (!article || article.closest('[role="dialog"]')) return;
  const host = document.body.appendChild(document.createElement('div'));
  const root = createRoot(host);
  // X renders the dialog's post from its own data: none of Skein's elements come along.
  const copy = article.cloneNode(true) as Element;
  copy.querySelectorAll('skein-post-button, skein-card').forEach((el) => el.remove());
  root.render(<ReplyDialog post={copy.outerHTML} onClose={() => (root.unmount(), host.remove())} />);
});

window.skeinReplyBox = { insertIntoReplyBox, isPostEnabled };
window.replyClicks = 0;
// Its own root when added to a saved page, whose #react-root holds X's app.
createRoot((document.getElementById('skein-test-reply') ?? document.getElementById('react-root'))!).render(
  <ReplyBox />,
);
