import { FOCUS_RING } from './styles';

/** A labelled group of radio buttons: keyboard-friendly, one choice. */
export function Choice({
  legend,
  name,
  value,
  options,
  onChange,
}: {
  legend: string;
  name: string;
  value: string;
  options: { value: string; label: string }[];
  onChange(value: string): void;
}) {
  return (
    <fieldset className="flex flex-col gap-1" data-testid={`choice-${name}`}>
      <legend className="mb-1 font-semibold">{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="flex items-center gap-2">
          <input
            type="radio"
            name={name}
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
            className={`accent-violet-600 ${FOCUS_RING}`}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}
