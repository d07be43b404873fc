import type { MessageKey } from '../../lib/i18n/en';
import { useT } from '../hooks/use-t';

const examples: readonly MessageKey[] = ['agent.example.compare', 'agent.example.research', 'agent.example.plan'];

/** Agent mode's empty state: a few goals to start from; a click puts one in the goal box to edit or send. */
export function ExampleGoals({ onPick }: { onPick: (goal: string) => void }) {
  const t = useT();
  return (
    <section className="agent-examples" data-testid="agent-examples" aria-label={t('agent.examples')}>
      <h3 className="muted">{t('agent.examples')}</h3>
      {examples.map((key) => (
        <button key={key} type="button" className="ghost agent-example" onClick={() => onPick(t(key))}>
          {t(key)}
        </button>
      ))}
    </section>
  );
}
