import { type ReactNode, useId, useState } from 'react';
import { useT } from '../hooks/use-t';

/**
 * One line of status with an ⓘ that opens its details below it: long
 * explanations (what a scope does, the page's address, a model's host) stay
 * out of the way until asked for.
 */
export function InfoLine({
  children,
  details,
  label,
  className = '',
  testId,
}: {
  /** The line itself: kept to one row. */
  children: ReactNode;
  /** Shown below the line after a click on ⓘ. */
  details: ReactNode;
  /** The ⓘ button's accessible name and tooltip. */
  label?: string;
  className?: string;
  testId?: string;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const id = useId();
  const name = label ?? t('panel.details');
  return (
    <div className={`info-line ${className}`} data-testid={testId}>
      <div className="info-line-row">
        {children}
        <button
          type="button"
          className="ghost icon-button info-button"
          aria-label={name}
          title={name}
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen(!open)}
        >
          ⓘ
        </button>
      </div>
      {open ? (
        <div className="info-details" id={id}>
          {details}
        </div>
      ) : null}
    </div>
  );
}
