import { useState } from 'react';
import { ChatApp } from '../chat/chat-app';
import { useActiveTab } from '../hooks/use-active-tab';
import { useT } from '../hooks/use-t';
import { LibraryView } from '../library/library-view';
import './panel.css';

type PanelTab = 'chat' | 'library';

/**
 * The side panel: Chat and Library. One header row holds the two tabs and,
 * while Chat is shown, the chat's own controls (model chip, history, new chat,
 * agent, settings), which the chat renders into `head-slot`. Both views stay
 * mounted, so switching tabs never cancels an answer that is streaming.
 */
export function SidePanelApp() {
  const t = useT();
  const tab = useActiveTab();
  const [current, setCurrent] = useState<PanelTab>('chat');
  const [slot, setSlot] = useState<HTMLDivElement | null>(null);
  return (
    <div className="panel">
      <header className="panel-head">
        <div className="panel-tabs" role="tablist">
          {(['chat', 'library'] as const).map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={current === id}
              className={current === id ? 'current' : ''}
              onClick={() => setCurrent(id)}
            >
              {t(`panel.${id}`)}
            </button>
          ))}
        </div>
        <div className="head-slot" ref={setSlot} />
      </header>
      <div className="panel-body" hidden={current !== 'chat'}>
        <ChatApp tab={tab} headSlot={current === 'chat' ? slot : null} />
      </div>
      <div className="panel-body" hidden={current !== 'library'}>
        <LibraryView tab={tab} />
      </div>
    </div>
  );
}
