import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../lib/db/database';
import type { MessageRecord } from '../../lib/db/records';
import { fineTuneLines, toJsonl } from '../../lib/finetune/chat-jsonl';
import { useI18n } from '../hooks/use-t';

/** Every rated-good chat as fine-tuning examples, read from the database. */
async function collectLines() {
  const conversations = await db().conversations.toArray();
  const byConversation = new Map<string, MessageRecord[]>();
  await db()
    .messages.orderBy('[conversationId+createdAt]')
    .each((message) => {
      const list = byConversation.get(message.conversationId) ?? [];
      list.push(message);
      byConversation.set(message.conversationId, list);
    });
  return fineTuneLines(conversations, (id) => byConversation.get(id) ?? []);
}

/** Export of the user's 👍 answers as JSONL for fine-tuning, with the count shown before. */
export function FineTuneExport() {
  const { t } = useI18n();
  const lines = useLiveQuery(collectLines, []);
  const download = () => {
    if (!lines) return;
    const url = URL.createObjectURL(new Blob([toJsonl(lines)], { type: 'application/jsonl' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `aside-fine-tuning-${new Date().toISOString().slice(0, 10)}.jsonl`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <div className="fine-tune-export" data-testid="fine-tune-export">
      <h3>{t('data.fineTune')}</h3>
      <p className="muted">{t('data.fineTuneHint', { count: lines?.length ?? 0 })}</p>
      <button type="button" disabled={!lines || lines.length === 0} onClick={download}>
        {t('data.fineTuneExport')}
      </button>
    </div>
  );
}
