import type { ReactNode } from 'react';

/**
 * Opens Skein's options page: from the popup, the panel's footer (Firefox users live in the
 * sidebar) and a job whose fix is a setting. With `section`, at that section (`mastodon`).
 */
export function OptionsButton(props: {
  children: ReactNode;
  section?: string;
  className?: string;
  'data-testid'?: string;
}) {
  const open = () =>
    void (props.section
      ? browser.tabs.create({ url: browser.runtime.getURL(`/options.html#${props.section}`) })
      : browser.runtime.openOptionsPage());
  return (
    <button type="button" className={props.className} onClick={open} data-testid={props['data-testid']}>
      {props.children}
    </button>
  );
}
