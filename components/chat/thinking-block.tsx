import { useT } from '../hooks/use-t';

/** Reasoning text (DeepSeek-R1 `reasoning_content`), folded away unless the user opens it. */
export function ThinkingBlock({ text, active }: { text: string; active: boolean }) {
  const t = useT();
  return (
    <details className="thinking" data-testid="thinking">
      <summary>{active ? `${t('chat.thinking')}…` : t('chat.thoughtFor')}</summary>
      <div className="thinking-text">{text}</div>
    </details>
  );
}
