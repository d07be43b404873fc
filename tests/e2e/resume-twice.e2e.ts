import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { text, toolCalls } from '../support/openai-server';
import { agentRequests, enableAgentMode, giveGoal } from './support/agent';
import { openExtensionPage } from './support/extension';
import type { ExtensionGlobal } from './support/extension-global';
import { stopServiceWorker } from './support/service-worker';
import { type Session, startSession } from './support/session';

/** A run cut by a restart, resumed from two side panels at once (two panel pages of the real extension). */
describe('agent run resumed from two panels', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession();
    await s.show(s.pages.corpusUrl('wikipedia'));
    await enableAgentMode(s.panel);
  });
  afterAll(() => s?.close());

  /** The stored run with this goal, read from the extension's IndexedDB in an extension page. */
  function runIdOf(page: Page, goal: string): Promise<string | undefined> {
    return page.evaluate(async (goal) => {
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('aside');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const runs = await new Promise<{ id: string; goal: string }[]>((resolve, reject) => {
        const request = database.transaction('runs').objectStore('runs').getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      database.close();
      return runs.find((run) => run.goal === goal)?.id;
    }, goal);
  }

  /**
   * Presses Resume in a second panel page: opens the agent stream with the same start message the panel's
   * Resume button sends, and keeps the events it receives (in `window.resumeEvents`).
   */
  function resumeFrom(page: Page, runId: string): Promise<void> {
    return page.evaluate((runId) => {
      const events: unknown[] = [];
      (globalThis as unknown as { resumeEvents: unknown[] }).resumeEvents = events;
      const port = (globalThis as unknown as ExtensionGlobal).chrome.runtime.connect({ name: 'aside:agent' });
      port.onMessage.addListener((event) => events.push(event));
      port.postMessage({ start: { kind: 'resume', runId } });
    }, runId);
  }

  const eventsIn = (page: Page) =>
    page.evaluate(
      () => (globalThis as unknown as { resumeEvents: { type: string; text?: string; runId?: string }[] }).resumeEvents,
    );

  it('starts one loop: a second Resume follows the run the first one started', async () => {
    const goal = 'A run resumed twice';
    s.llm.enqueue(toolCalls([{ name: 'ask_user', arguments: '{"question":"Which city?"}' }]));
    await giveGoal(s.panel, goal);
    await expect.poll(() => s.panel.getByTestId('agent-ask').innerText()).toContain('Which city?');
    await stopServiceWorker(s.aside);
    await expect.poll(() => s.panel.getByTestId('agent-interrupted').isVisible()).toBe(true);

    // Two panels: the real one, showing the run with Resume, and a second panel page.
    const second = await openExtensionPage(s.aside, 'sidepanel.html');
    const runId = await runIdOf(second, goal);
    if (!runId) throw new Error('the run was not stored');
    const before = agentRequests(s.llm).length;
    // A slow answer, so the second Resume comes while the first one's loop waits for it (seconds, even on a
    // loaded machine: the pause before the answer starts); a second loop would get the server's fallback answer.
    s.llm.enqueue(text('Resumed once, answered slowly.', { chunkSize: 4, delayMs: 100, hangMs: 3000 }));
    await s.panel.getByTestId('agent-interrupted').getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => agentRequests(s.llm).length).toBe(before + 1);
    await resumeFrom(second, runId);

    await expect
      .poll(() => s.panel.getByTestId('agent-final').innerText(), { timeout: 30_000 })
      .toContain('Resumed once, answered slowly.');
    await expect.poll(async () => (await eventsIn(second)).at(-1)?.type, { timeout: 30_000 }).toBe('final');
    const events = await eventsIn(second);
    expect(events[0]).toEqual({ type: 'started', runId });
    expect(events.at(-1)?.text).toBe('Resumed once, answered slowly.');
    expect(agentRequests(s.llm).length).toBe(before + 1);
  });
});
