import { useState } from 'react';
import { useT } from '../hooks/use-t';

/** Copies text (or text built on click, for large documents) and says so for a moment. */
export function CopyButton({
  text,
  label,
  testId,
}: {
  text: string | (() => string);
  /** Instead of "Copy". */
  label?: string;
  testId?: string;
}) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="ghost"
      data-testid={testId}
      onClick={async () => {
        await navigator.clipboard.writeText(typeof text === 'function' ? text() : text);
        setCopied(true);
        setTimeout(() => setCopied(false), 1500);
      }}
    >
      {copied ? t('common.copied') : (label ?? t('common.copy'))}
    </button>
  );
}
