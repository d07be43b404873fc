import { useI18n } from '../hooks/use-t';

/** One-click starters for the page in context. */
export function SuggestedPrompts({ onPick }: { onPick: (prompt: string) => void }) {
  const { t } = useI18n();
  const prompts = [
    t('suggest.summarize'),
    t('suggest.keyPoints'),
    t('suggest.eli5'),
    t('suggest.translate', { language: t('suggest.translateTarget') }),
  ];
  return (
    <div className="suggestions" data-testid="suggestions">
      {prompts.map((prompt) => (
        <button key={prompt} type="button" onClick={() => onPick(prompt)}>
          {prompt}
        </button>
      ))}
    </div>
  );
}
