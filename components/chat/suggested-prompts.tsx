import { useT } from '../hooks/use-t';

/** Chinese pages are translated into English, everything else into Chinese (Aside's users read both). */
function translationTarget(pageLang: string | null | undefined): 'lang.en' | 'lang.zh' {
  return pageLang?.toLowerCase().startsWith('zh') ? 'lang.en' : 'lang.zh';
}

/** One-click starters for the page in context; off, with the reason as tooltip, on a page Aside cannot read. */
export function SuggestedPrompts({
  pageLang,
  onPick,
  disabledReason,
}: {
  pageLang: string | null | undefined;
  onPick: (prompt: string) => void;
  disabledReason?: string | undefined;
}) {
  const t = useT();
  const prompts = [
    t('suggest.summarize'),
    t('suggest.keyPoints'),
    t('suggest.eli5'),
    t('suggest.translate', { language: t(translationTarget(pageLang)) }),
  ];
  return (
    <div className="suggestions" data-testid="suggestions">
      {prompts.map((prompt) => (
        <button
          key={prompt}
          type="button"
          disabled={disabledReason !== undefined}
          title={disabledReason}
          onClick={() => onPick(prompt)}
        >
          {prompt}
        </button>
      ))}
    </div>
  );
}
