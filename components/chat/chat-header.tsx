import { browser } from 'wxt/browser';
import type { Profile } from '../../lib/settings/profile';
import { AgentToggle } from '../agent/agent-view';
import { useT } from '../hooks/use-t';
import { ModelChip } from './model-chip';

/**
 * The chat's controls on the panel's one header row: the model chip, then
 * icon buttons (chat history, new chat, agent mode, settings), each named by
 * its aria-label and tooltip.
 */
export function ChatHeader({
  profiles,
  selected,
  onModel,
  onHistory,
  onNew,
  agentMode,
  onAgentMode,
}: {
  profiles: readonly Profile[] | null | undefined;
  selected: { profileId: string; model: string } | undefined;
  onModel: (profileId: string, model: string) => void;
  onHistory: () => void;
  onNew: () => void;
  agentMode: boolean;
  onAgentMode: (on: boolean) => void;
}) {
  const t = useT();
  const icon = (label: string, glyph: string, onClick: () => void) => (
    <button type="button" className="ghost icon-button" aria-label={label} title={label} onClick={onClick}>
      <span aria-hidden="true">{glyph}</span>
    </button>
  );
  return (
    <div className="chat-header">
      {profiles && profiles.length > 0 ? (
        <ModelChip profiles={profiles} profileId={selected?.profileId} model={selected?.model} onChange={onModel} />
      ) : null}
      <span className="spacer" />
      {icon(t('chat.conversations'), '☰', onHistory)}
      {icon(t('chat.newChat'), '＋', onNew)}
      <AgentToggle on={agentMode} onChange={onAgentMode} />
      {icon(t('chat.openSettings'), '⚙', () => void browser.runtime.openOptionsPage())}
    </div>
  );
}
