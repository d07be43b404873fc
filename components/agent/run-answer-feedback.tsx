import { useState } from 'react';
import type { AgentRunRecord } from '../../lib/agent/run-records';
import { callBackground } from '../../lib/messaging/requests';
import { AnswerEditor } from '../chat/answer-editor';
import { CopyButton } from '../chat/copy-button';
import { linkPolicyFor } from '../chat/link-policy';
import { Markdown } from '../chat/markdown';
import { RatingToggle } from '../chat/rating-buttons';
import { useT } from '../hooks/use-t';
import { withoutUntrustedMarkers } from './untrusted-display';

/**
 * A run's final answer (agent or team) with what the user can do about it:
 * copy, 👍/👎 and rewrite. The rewrite is shown and trained on; the original
 * `final` is kept for a preference pair (lib/finetune). Renders nothing until
 * the run has a final answer. Reads only `run`; writes through `runs.rate`
 * and `runs.editFinal`, so a live query on the run updates it.
 */
export function RunAnswerFeedback({ run, testId = 'agent-final' }: { run: AgentRunRecord; testId?: string }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  if (!run.final) return null;
  const shown = run.editedFinal ?? run.final;
  return (
    <div className="message assistant" data-testid={testId}>
      {editing ? (
        <AnswerEditor
          text={shown}
          edited={run.editedFinal !== undefined}
          onSave={(text) => void callBackground('runs.editFinal', { id: run.id, text })}
          onClose={() => setEditing(false)}
        />
      ) : (
        <Markdown
          text={withoutUntrustedMarkers(shown)}
          links={linkPolicyFor(run.team?.linkCheck ?? run.linkCheck, run.status !== 'running')}
        />
      )}
      {run.editedFinal !== undefined && !editing ? (
        <div className="muted note" data-testid="answer-edited">
          {t('feedback.edited')}
        </div>
      ) : null}
      {editing ? null : (
        <div className="row actions">
          <CopyButton text={shown} />
          {run.status === 'done' ? (
            <>
              <RatingToggle
                rating={run.rating}
                onRate={(rating) => void callBackground('runs.rate', { id: run.id, rating })}
              />
              <button type="button" className="ghost" onClick={() => setEditing(true)}>
                {t('feedback.edit')}
              </button>
            </>
          ) : null}
        </div>
      )}
    </div>
  );
}
