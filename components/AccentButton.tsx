import type { ReactNode } from 'react';
import { FOCUS_RING_ON_ACCENT } from './styles';

/**
 * A panel's one main action in a box (download the model, learn my voice, save it): Skein's
 * violet, at the start of the line, with the focus ring that shows on violet.
 */
export function AccentButton(props: { onClick: () => void; children: ReactNode; 'data-testid'?: string }) {
  return (
    <button
      type="button"
      className={`self-start rounded bg-violet-600 px-2 py-1 text-white ${FOCUS_RING_ON_ACCENT}`}
      onClick={props.onClick}
      data-testid={props['data-testid']}
    >
      {props.children}
    </button>
  );
}
