import { useT } from '../hooks/use-t';

export type ChatScope = 'page' | 'library' | 'web';

/** What questions are answered from: the page in view, the saved library, or a web search. */
export function ScopeSwitch({ scope, onChange }: { scope: ChatScope; onChange: (scope: ChatScope) => void }) {
  const t = useT();
  const option = (value: ChatScope, label: string) => (
    <label className={scope === value ? 'segment selected' : 'segment'}>
      <input type="radio" name="chat-scope" value={value} checked={scope === value} onChange={() => onChange(value)} />
      {label}
    </label>
  );
  return (
    <fieldset className="row scope-switch">
      <legend className="visually-hidden">{t('rag.scopeLabel')}</legend>
      {option('page', t('rag.scopePage'))}
      {option('library', t('rag.scopeLibrary'))}
      {option('web', t('rag.scopeWeb'))}
    </fieldset>
  );
}
