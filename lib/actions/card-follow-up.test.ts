import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { maxCardExchanges } from './action-stream-protocol';
import { followUpContext } from './card-follow-up';
import { type CardRun, rememberCardRun } from './card-runs';

const first: CardRun = {
  runId: 'run-1',
  tabId: 7,
  question: 'Explain',
  prompt: 'Explain <<<selection>>>',
  answer: 'It means this.',
  model: 'm',
  context: [{ role: 'system', content: 'You are Aside.' }],
};

describe('a follow-up in the card', () => {
  beforeEach(() => fakeBrowser.reset());

  it('goes on from the run’s own conversation: system, prompt, answer', async () => {
    await rememberCardRun(first);
    expect(await followUpContext(7, 'run-1')).toEqual([
      { role: 'system', content: 'You are Aside.' },
      { role: 'user', content: 'Explain <<<selection>>>' },
      { role: 'assistant', content: 'It means this.' },
    ]);
  });

  it('is refused for another tab’s run, and for a run that does not exist', async () => {
    await rememberCardRun(first);
    await expect(followUpContext(8, 'run-1')).rejects.toThrow('no longer available');
    await expect(followUpContext(7, 'run-2')).rejects.toThrow('no longer available');
  });

  it('stops once the card holds its longest conversation', async () => {
    const context = Array.from({ length: maxCardExchanges - 1 }, () => [
      { role: 'user' as const, content: 'q' },
      { role: 'assistant' as const, content: 'a' },
    ]).flat();
    await rememberCardRun({ ...first, context: [...(first.context ?? []), ...context] });
    await expect(followUpContext(7, 'run-1')).rejects.toThrow('side panel');
  });
});
