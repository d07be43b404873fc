import type { ReactNode } from 'react';

/** A checkbox with its label after it and an optional hint below: the options page's one on/off pattern. */
export function CheckField({
  label,
  hint,
  checked,
  onChange,
}: {
  label: ReactNode;
  hint?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="check-field">
      <label>
        <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
        <span>{label}</span>
      </label>
      {hint ? <div className="field-hint muted">{hint}</div> : null}
    </div>
  );
}
