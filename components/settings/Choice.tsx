/** Props of a radio group. */
export interface ChoiceProps<V extends string> {
  legend: string;
  name: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange(value: V): void;
}

/** A fieldset of radio buttons for one setting. */
export function Choice<V extends string>({ legend, name, value, options, onChange }: ChoiceProps<V>) {
  return (
    <fieldset class="choice">
      <legend class="field__label">{legend}</legend>
      {options.map((option) => (
        <label key={option.value} class="choice__option">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={option.value === value}
            onChange={() => onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
