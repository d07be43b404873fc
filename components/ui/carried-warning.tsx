import type { CarriedSource } from '../../lib/consent/carried-text';
import type { Translate } from '../../lib/i18n/translate';
import { useT } from '../hooks/use-t';

/** Where the carried text rides, which decides the sentence. */
export type CarriedWhere = 'address' | 'arguments' | 'link' | 'image';

/** «Inbox message 3», or "the conversation". */
export function sourceName(t: Translate, source: Pick<CarriedSource, 'label' | 'conversation'>): string {
  return source.conversation ? t('dataflow.conversation') : t('dataflow.source', { label: source.label });
}

/**
 * The data-flow warning in words, one sentence per source: "This address
 * carries 300 characters of text from «Inbox message 3»." Used by the
 * consent card and by model output's links and images.
 */
export function CarriedWarning({ carried, where }: { carried: readonly CarriedSource[]; where: CarriedWhere }) {
  const t = useT();
  return (
    <span className="carried-warning" data-testid="carried-warning">
      {carried
        .map((source) => t(`dataflow.${where}`, { chars: source.chars, source: sourceName(t, source) }))
        .join(' ')}
    </span>
  );
}
