import { useT } from '../hooks/use-t';

/** Chinese pages are translated into English, everything else into Chinese (Aside's users read both). */
function translationTarget(pageLang: string | null | undefined): 'lang.en' | 'lang.zh' {
  return pageLang?.toLowerCase().startsWith('zh') ? 'lang.en' : 'lang.zh';
}

/** One-click starters for the page in context. */
export function SuggestedPrompts({
  pageLang,
  onPick,
}: {
  pageLang: string | null | undefined;
  onPick: (prompt: string) => void;
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
        <button key={prompt} type="button" onClick={() => onPick(prompt)}>
          {prompt}
        </button>
      ))}
    </div>
  );
}
