import { useState } from 'react';
import type { McpCatalogEntry, McpPromptItem, McpPromptPick } from '../../lib/mcp/mcp-catalog-schema';
import { useT } from '../hooks/use-t';

interface Chosen {
  readonly entry: McpCatalogEntry;
  readonly prompt: McpPromptItem;
}

/**
 * The MCP servers' prompts as actions, named by server. One with arguments
 * asks for them in a small form first; `onRun` gets the pick and the label
 * the chat shows as the user's message.
 */
export function McpPromptActions({
  catalog,
  disabled,
  onRun,
}: {
  catalog: readonly McpCatalogEntry[];
  disabled: boolean;
  onRun: (pick: McpPromptPick, label: string) => void;
}) {
  const t = useT();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const labelOf = ({ entry, prompt }: Chosen) =>
    t('mcpPanel.promptLabel', { server: entry.server, prompt: prompt.title ?? prompt.name });
  const run = (each: Chosen, args: Record<string, string>) => {
    const filled = Object.fromEntries(Object.entries(args).filter(([, value]) => value.trim() !== ''));
    const shown = Object.entries(filled).map(([name, value]) => `${name}: ${value}`);
    onRun(
      { serverId: each.entry.serverId, name: each.prompt.name, arguments: filled },
      shown.length ? `${labelOf(each)} (${shown.join(', ')})` : labelOf(each),
    );
    setChosen(null);
    setValues({});
  };
  const all = catalog.flatMap((entry) => entry.prompts.map((prompt) => ({ entry, prompt })));
  if (all.length === 0) return null;
  return (
    <div className="panel-actions mcp-prompts" role="toolbar" aria-label={t('mcpPanel.prompts')}>
      {all.map((each) => (
        <button
          key={`${each.entry.serverId}:${each.prompt.name}`}
          type="button"
          className="ghost"
          data-testid="mcp-prompt"
          disabled={disabled}
          title={each.prompt.description}
          onClick={() => (each.prompt.arguments.length ? setChosen(each) : run(each, {}))}
        >
          {labelOf(each)}
        </button>
      ))}
      {chosen ? (
        <form
          className="mcp-prompt-form"
          data-testid="mcp-prompt-form"
          onSubmit={(event) => {
            event.preventDefault();
            run(chosen, values);
          }}
        >
          <strong>{labelOf(chosen)}</strong>
          {chosen.prompt.arguments.map((argument) => (
            <label key={argument.name} className="field">
              <span>
                {argument.name} {argument.required ? t('mcpPanel.required') : ''}
              </span>
              <input
                required={argument.required === true}
                title={argument.description}
                value={values[argument.name] ?? ''}
                onChange={(event) => setValues({ ...values, [argument.name]: event.target.value })}
              />
            </label>
          ))}
          <div className="row">
            <button type="submit" className="primary" disabled={disabled}>
              {t('mcpPanel.run')}
            </button>
            <button type="button" onClick={() => setChosen(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
