import { useState } from 'react';
import type { PromptAnswer } from '../../lib/agent/agent-stream-protocol';
import { useT } from '../hooks/use-t';
import { CarriedWarning, sourceName } from '../ui/carried-warning';
import type { AgentPrompt } from './use-agent';
import { useToolLabels } from './use-tool-names';

/**
 * A question or consent request of a running run, inline in the panel. A
 * consent request shows the tool, its full arguments and the full target URL,
 * and code as code (line by line, in a box that scrolls): the user allows
 * exactly what they see. When the call carries text the run has read, the
 * card says so in words and shows it decoded, and offers no "Always" (the
 * background withholds the site, and refuses such a grant).
 */
export function PromptCard({
  prompt,
  onAnswer,
  from,
}: {
  prompt: AgentPrompt;
  onAnswer: (answer: PromptAnswer) => void;
  /** In a team run: the display name of the member asking. */
  from?: string;
}) {
  const t = useT();
  const { name, mcp } = useToolLabels();
  const [text, setText] = useState('');
  if (prompt.type === 'consent') {
    const decide = (decision: 'once' | 'always' | 'deny') => onAnswer({ kind: 'consent', decision });
    return (
      <div className="prompt-card consent" data-testid="agent-consent">
        <div>
          {from ? <span className="prompt-from">{from} · </span> : null}
          <strong>{t('agent.consent.title')}</strong>{' '}
          <span className="consent-tool" data-testid="consent-tool" data-tool={prompt.tool}>
            {prompt.mcp && !mcp.has(prompt.tool) ? `${prompt.mcp.server} · ${prompt.mcp.tool}` : name(prompt.tool)}
          </span>
        </div>
        {prompt.mcp ? (
          <div className="consent-target" data-testid="consent-mcp">
            {t('agent.consent.mcp', { server: prompt.mcp.server, tool: prompt.mcp.tool })}
            <div className="muted">{prompt.mcp.url}</div>
          </div>
        ) : null}
        {prompt.target ? (
          <div className="consent-target" data-testid="consent-target">
            {prompt.target}
          </div>
        ) : null}
        {prompt.carried && prompt.carried.length > 0 ? (
          <div className="consent-carried" data-testid="consent-carried" role="alert">
            <CarriedWarning carried={prompt.carried} where={prompt.where ?? 'address'} />{' '}
            <span>{t('dataflow.noAlways')}</span>
          </div>
        ) : prompt.linkFrom ? (
          <div className="muted" data-testid="consent-link-from">
            {t('dataflow.linkFrom', { source: sourceName(t, { label: prompt.linkFrom }) })}
          </div>
        ) : null}
        {prompt.decoded ? (
          <div>
            <div className="muted">{t('dataflow.decoded')}</div>
            <pre className="step-detail consent-decoded" data-testid="consent-decoded">
              {prompt.decoded}
            </pre>
          </div>
        ) : null}
        {prompt.code === undefined ? (
          <pre className="step-detail">{prompt.arguments}</pre>
        ) : (
          <>
            <div className="consent-code-label">{t('agent.consent.code')}</div>
            {/* The code as it will run, not a JSON string: what the user allows is what they read. */}
            <pre className="consent-code" data-testid="consent-code">
              {prompt.code}
            </pre>
            {prompt.arguments === '{}' ? null : <pre className="step-detail">{prompt.arguments}</pre>}
          </>
        )}
        <div className="row">
          <button type="button" className="primary" onClick={() => decide('once')}>
            {t('agent.consent.once')}
          </button>
          {prompt.site && !prompt.carried?.length ? (
            <button type="button" className="consent-always" onClick={() => decide('always')}>
              {t('agent.consent.always', { site: prompt.site })}
            </button>
          ) : null}
          <button type="button" onClick={() => decide('deny')}>
            {t('agent.consent.deny')}
          </button>
        </div>
      </div>
    );
  }
  const reply = (answer: string) => answer.trim() && onAnswer({ kind: 'ask', text: answer.trim() });
  return (
    <div className="prompt-card ask" data-testid="agent-ask">
      {from ? <div className="prompt-from">{t('teamRun.asks', { name: from })}</div> : null}
      <div className="ask-question">{prompt.question}</div>
      {prompt.choices.length > 0 ? (
        <div className="row choices">
          {prompt.choices.map((choice) => (
            <button type="button" key={choice} onClick={() => reply(choice)}>
              {choice}
            </button>
          ))}
        </div>
      ) : null}
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          reply(text);
        }}
      >
        <input
          aria-label={t('agent.ask.answer')}
          placeholder={t('agent.ask.answer')}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" disabled={!text.trim()}>
          {t('agent.ask.send')}
        </button>
      </form>
    </div>
  );
}
