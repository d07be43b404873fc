import type { ReactNode } from 'react';
import { useT } from '../hooks/use-t';
import { type OptionsSectionId, optionsSections } from './options-sections';

/** One of the options page's sections: an anchor, its heading, and its cards. */
export function OptionsSection({
  id,
  action,
  children,
}: {
  id: OptionsSectionId;
  /** A control beside the heading (e.g. "Add provider"). */
  action?: ReactNode;
  children: ReactNode;
}) {
  const t = useT();
  const title = optionsSections.find((section) => section.id === id)?.title ?? 'settings.section.providers';
  return (
    <div className="options-section" id={id} data-testid={`section-${id}`}>
      <div className="row section-title">
        <h2 id={`${id}-title`} className="grow">
          {t(title)}
        </h2>
        {action}
      </div>
      {children}
    </div>
  );
}

/** A card inside a section, titled with an h3 (kept as a `section` so tests and readers find it by its heading). */
export function SettingsCard({
  title,
  className,
  children,
}: {
  title?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section className={className ? `card ${className}` : 'card'} aria-label={title}>
      {title ? <h3>{title}</h3> : null}
      {children}
    </section>
  );
}
