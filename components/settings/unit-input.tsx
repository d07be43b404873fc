import type { InputHTMLAttributes } from 'react';

/**
 * A small number input with its unit after it ("300 ms", "20 s"), so a
 * number never takes a full-width field and the unit is not buried in the
 * label. Takes every attribute of an `<input type="number">`.
 */
export function UnitInput({ unit, ...input }: { unit: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <span className="unit-input">
      <input type="number" inputMode="numeric" {...input} />
      <span className="unit">{unit}</span>
    </span>
  );
}
