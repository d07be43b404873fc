import { useState } from 'react';
import { ChatApp } from '../chat/chat-app';
import { useActiveTab } from '../hooks/use-active-tab';
import { useT } from '../hooks/use-t';
import { LibraryView } from '../library/library-view';
import './panel.css';

type PanelTab = 'chat' | 'library';

/**
 * The side panel: Chat and Library. Both stay mounted, so switching tabs
 * never cancels an answer that is streaming.
 */
export function SidePanelApp() {
  const t = useT();
  const tab = useActiveTab();
  const [current, setCurrent] = useState<PanelTab>('chat');
  return (
    <div className="panel">
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
      <div className="panel-body" hidden={current !== 'chat'}>
        <ChatApp tab={tab} />
      </div>
      <div className="panel-body" hidden={current !== 'library'}>
        <LibraryView tab={tab} />
      </div>
    </div>
  );
}
