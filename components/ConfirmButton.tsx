import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A button for what cannot be undone: the first click asks, in place, and only the second
 * (the confirming button) acts. Keep, Escape or leaving the question leave things as they are.
 */
export function ConfirmButton(props: {
  children: ReactNode;
  /** The question shown after the first click. */
  question: string;
  /** The confirming button's label. */
  confirm: string;
  /** The label that leaves things as they are. */
  keep: string;
  onConfirm: () => void;
  className?: string;
  'aria-label'?: string;
  'data-testid'?: string;
}) {
  const [asking, setAsking] = useState(false);
  const keepRef = useRef<HTMLButtonElement>(null);
  // The safe choice takes the focus, so Enter pressed twice does not delete.
  useEffect(() => {
    if (asking) keepRef.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button
        type="button"
        className={props.className}
        aria-label={props['aria-label']}
        data-testid={props['data-testid']}
        onClick={() => setAsking(true)}
      >
        {props.children}
      </button>
    );
  }
  return (
    <fieldset
      className="m-0 flex min-w-0 flex-wrap items-center gap-2 border-0 p-0 text-xs"
      onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}
      data-testid={props['data-testid'] && `${props['data-testid']}-confirm`}
    >
      <span>{props.question}</span>
      <button
        type="button"
        className="rounded bg-red-700 px-2 py-0.5 font-medium text-white"
        onClick={() => {
          setAsking(false);
          props.onConfirm();
        }}
      >
        {props.confirm}
      </button>
      <button type="button" ref={keepRef} className="rounded border px-2 py-0.5" onClick={() => setAsking(false)}>
        {props.keep}
      </button>
    </fieldset>
  );
}
