/**
 * Mastodon's compose form with its real text box: a React-controlled textarea, the counter of
 * characters left from the server's limit (this made-up server allows 1,000), and the Post
 * button, enabled once the box holds text within the limit. A status's reply button makes the
 * form a reply, with the indicator linking to the status, as Mastodon's app does (the saved
 * pages carry none of its scripts).
 */
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { MASTODON_REPLY_HOOKS } from '../../../utils/sites/mastodon/reply-box';
import { countPost, expose, mountPoint } from './editor-page';

/** The server's limit, which Skein reads from the counter. */
const MAX_CHARS = 1000;

let text = '';

function ComposeForm() {
  const [value, setValue] = useState('');
  const [replyTo, setReplyTo] = useState<{ id: string; acct: string } | null>(null);
  text = value;
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const button = (event.target as Element).closest?.('.status__action-bar button');
      const status = button?.closest('[data-id]');
      if (!status || button !== status.querySelector('.status__action-bar button')) return;
      const acct = status.querySelector('.display-name__account')?.textContent?.trim().replace(/^@/, '') ?? 'someone';
      setReplyTo({ id: status.getAttribute('data-id')!, acct });
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, []);
  const left = MAX_CHARS - value.length;
  return (
    <form className="compose-form" onSubmit={(e) => e.preventDefault()}>
      {replyTo && (
        <div className="reply-indicator">
          <a href={`/@${replyTo.acct}/${replyTo.id}`} className="detailed-status__display-name">
            @{replyTo.acct}
          </a>
        </div>
      )}
      <div className="compose-form__highlightable">
        <div className="compose-form__scrollable">
          <div className="compose-form__autosuggest-wrapper">
            <div className="autosuggest-textarea">
              <label>
                <span style={{ display: 'none' }}>What’s on your mind?</span>
                <textarea
                  className="autosuggest-textarea__textarea"
                  placeholder="What’s on your mind?"
                  dir="auto"
                  value={value}
                  onChange={(e) => setValue(e.target.value)}
                />
              </label>
            </div>
          </div>
        </div>
        <div className="compose-form__footer">
          <div className="compose-form__actions">
            <div className="compose-form__buttons">
              <span className={left < 0 ? 'character-counter character-counter--over' : 'character-counter'}>
                {left}
              </span>
            </div>
            <div className="compose-form__submit">
              <button
                type="submit"
                className="button button--compact"
                disabled={value.trim() === '' || left < 0}
                ref={(b) => {
                  if (b && !b.dataset.counted) {
                    b.dataset.counted = '1';
                    countPost(b);
                  }
                }}
              >
                {replyTo ? 'Reply' : 'Post'}
              </button>
            </div>
          </div>
        </div>
      </div>
    </form>
  );
}

expose(
  MASTODON_REPLY_HOOKS,
  () => text,
  () => document.querySelector<HTMLButtonElement>('.compose-form__submit button'),
);
createRoot(mountPoint()).render(<ComposeForm />);
