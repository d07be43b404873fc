import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listMessages } from '../db/conversations';
import { db } from '../db/database';
import { saveProfile } from '../settings/profiles';
import { storeRatedCard } from './card-feedback';

describe('a rated card answer', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await db().delete({ disableAutoOpen: false });
    await saveProfile(
      { name: 'Unit', presetId: 'custom', baseURL: 'http://127.0.0.1:9/v1', model: 'm', models: [] },
      'k',
    );
  });

  it('becomes an action conversation: the question as shown, the prompt as sent, the answer rated', async () => {
    const id = await storeRatedCard(
      { question: '**Translate**\n\n> hello', prompt: 'Translate: <<<hello>>>', answer: '你好', model: 'card-model' },
      'up',
    );
    const [conversation] = await db().conversations.toArray();
    expect(conversation).toMatchObject({ origin: 'action', title: 'Translate', model: 'card-model' });
    const messages = await listMessages(conversation?.id ?? '');
    expect(messages.map((m) => [m.role, m.content, m.prompt, m.rating, m.model])).toEqual([
      ['user', '**Translate**\n\n> hello', 'Translate: <<<hello>>>', undefined, undefined],
      ['assistant', '你好', undefined, 'up', 'card-model'],
    ]);
    expect(messages[1]?.id).toBe(id);
  });
});
