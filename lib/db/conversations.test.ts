import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { editAnswer, rateMessage, showAnswerVersion } from './conversations';
import { db } from './database';

describe('answer feedback in the store', () => {
  beforeEach(async () => {
    await db().delete({ disableAutoOpen: false });
    await db().messages.bulkAdd([
      { id: 'q', conversationId: 'c', role: 'user', content: 'Q', status: 'complete', createdAt: 1 },
      {
        id: 'a',
        conversationId: 'c',
        role: 'assistant',
        content: 'Second',
        status: 'complete',
        version: 2,
        otherVersions: [{ version: 1, content: 'First', status: 'complete', rating: 'down' }],
        createdAt: 2,
      },
    ]);
  });

  it('keeps the original beside a rewrite, and drops a rewrite equal to it', async () => {
    await editAnswer('a', 'Second, better');
    expect(await db().messages.get('a')).toMatchObject({ content: 'Second', edited: 'Second, better' });
    await editAnswer('a', 'Second');
    expect((await db().messages.get('a'))?.edited).toBeUndefined();
    await expect(editAnswer('q', 'not an answer')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('rates the shown version, and switching versions carries each one’s rating', async () => {
    await rateMessage('a', 'up');
    await showAnswerVersion('a', 1);
    expect(await db().messages.get('a')).toMatchObject({ content: 'First', rating: 'down', version: 1 });
    await showAnswerVersion('a', 2);
    expect(await db().messages.get('a')).toMatchObject({ content: 'Second', rating: 'up', version: 2 });
    await expect(showAnswerVersion('a', 9)).rejects.toMatchObject({ code: 'not-found' });
  });
});
