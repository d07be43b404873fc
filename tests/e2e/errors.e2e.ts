import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { broken, error, text } from '../support/openai-server';
import { freePort } from './support/free-port';
import { addProfile } from './support/provider';
import { stopServiceWorker } from './support/service-worker';
import { ask, newChat, type Session, startSession } from './support/session';

/** Every provider failure gives a sentence the user can act on, and loses nothing they typed. */
describe('provider errors in the side panel', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession();
    await s.show(s.pages.corpusUrl('wikipedia'));
  });
  afterAll(() => s?.close());
  beforeEach(() => newChat(s.panel));

  const lastAnswer = () => s.panel.getByTestId('assistant-message').last();

  it.each([
    [401, 'auth', 'rejected the API key'],
    [404, 'model-not-found', 'does not know this model'],
    [500, 'server', 'server error'],
  ])('explains HTTP %i (%s) and keeps the question', async (status, code, sentence) => {
    // 5xx is retried with backoff first; every attempt fails here.
    const failures = status >= 500 ? 4 : 1;
    for (let i = 0; i < failures; i++) s.llm.enqueue(error(status, { headers: { 'retry-after-ms': '50' } }));
    await ask(s.panel, `Question for ${status}`);
    const alert = lastAnswer().getByRole('alert');
    await expect.poll(() => alert.getAttribute('data-error-code')).toBe(code);
    await expect.poll(() => alert.innerText()).toContain(sentence);
    await expect.poll(() => s.panel.getByTestId('user-message').last().innerText()).toContain(`Question for ${status}`);

    // Retry works once the provider recovers.
    s.llm.enqueue(text(`Recovered from ${status}.`));
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => lastAnswer().innerText()).toContain(`Recovered from ${status}.`);
  });

  it('retries a rate limit automatically and shows the wait', async () => {
    s.llm.enqueue(error(429, { headers: { 'retry-after-ms': '1500' } }), text('Worth the wait.'));
    await ask(s.panel, 'Rate limited question');
    await expect
      .poll(() => s.panel.getByTestId('retry-notice').innerText())
      .toMatch(/Retrying in \d s \(attempt 2 of 4\)/);
    await expect.poll(() => lastAnswer().innerText()).toContain('Worth the wait.');
    expect(await s.panel.getByTestId('retry-notice').count()).toBe(0);
    expect(s.llm.requests.filter((r) => r.path.endsWith('/chat/completions')).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps the partial answer of a stream that breaks halfway, marks it, and retries', async () => {
    s.llm.enqueue(broken('The first half of the answer'));
    await ask(s.panel, 'Break please');
    const answer = lastAnswer();
    await expect.poll(() => answer.getByRole('alert').getAttribute('data-error-code')).toBe('stream-broken');
    await expect.poll(() => answer.innerText()).toContain('The first half of the answer');
    await expect.poll(() => answer.innerText()).toContain('incomplete');
    s.llm.enqueue(text('The whole answer.'));
    await answer.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => lastAnswer().innerText()).toContain('The whole answer.');
  });

  it('keeps the partial answer when the service worker stops mid-answer, and marks it interrupted', async () => {
    s.llm.enqueue(text('slow '.repeat(300), { chunkSize: 5, delayMs: 30 }));
    await ask(s.panel, 'A long answer, please');
    await expect.poll(() => lastAnswer().innerText()).toContain('slow slow slow');
    await stopServiceWorker(s.aside);
    // The panel notices at once: the answer so far stays, marked as cut off, with a retry.
    const answer = lastAnswer();
    await expect.poll(() => answer.getByRole('alert').getAttribute('data-error-code')).toBe('stream-broken');
    await expect.poll(() => answer.innerText()).toContain('slow slow');
    await expect.poll(() => answer.innerText()).toContain('incomplete');
    s.llm.enqueue(text('Complete at last.'));
    await answer.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => lastAnswer().innerText()).toContain('Complete at last.');
  });

  it('says the network is down when the provider cannot be reached, keeping the typed text', async () => {
    // A profile that points at a port where nothing listens.
    const nowhere = `http://127.0.0.1:${await freePort()}`;
    const id = await addProfile(s.aside, { baseURL: `${nowhere}/v1`, name: 'Nowhere' });
    s.aside.audit.allow(nowhere);
    await s.panel.getByTestId('model-chip').click();
    await s.panel.getByRole('combobox', { name: 'Provider' }).selectOption(id);
    await ask(s.panel, 'Anyone there?');
    await expect.poll(() => lastAnswer().getByRole('alert').getAttribute('data-error-code')).toBe('network');
    await expect.poll(() => lastAnswer().innerText()).toContain('Could not reach the provider');
    expect(await s.panel.getByTestId('user-message').last().innerText()).toContain('Anyone there?');
  });
});
