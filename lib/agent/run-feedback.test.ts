import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db/database';
import { agentRunWithTools } from '../finetune/fixtures.test-support';
import { editRunFinal, rateRun } from './run-feedback';

describe('run answer feedback', () => {
  beforeEach(async () => {
    await db().delete({ disableAutoOpen: false });
    await db().runs.bulkAdd([
      agentRunWithTools({ rating: undefined }),
      agentRunWithTools({ id: 'running', status: 'running', final: undefined }),
    ]);
  });

  it('rates and rewrites a final answer, keeping the original', async () => {
    await rateRun('run-tools', 'up');
    await editRunFinal('run-tools', 'A better answer.');
    expect(await db().runs.get('run-tools')).toMatchObject({
      rating: 'up',
      final: 'Mozilla versus Wikipedia.',
      editedFinal: 'A better answer.',
    });
    await rateRun('run-tools', null);
    await editRunFinal('run-tools', null);
    const run = await db().runs.get('run-tools');
    expect(run?.rating).toBeUndefined();
    expect(run?.editedFinal).toBeUndefined();
  });

  it('refuses a run without an answer', async () => {
    await expect(rateRun('running', 'up')).rejects.toMatchObject({ code: 'not-found' });
    await expect(editRunFinal('missing', 'x')).rejects.toMatchObject({ code: 'not-found' });
  });
});
