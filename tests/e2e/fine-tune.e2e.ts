import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fineTuneLineSchema } from '../../lib/finetune/chat-jsonl';
import { text } from '../support/openai-server';
import { allowDownloads, waitForDownload } from './support/downloads';
import { openExtensionPage } from './support/extension';
import { ask, type Session, startSession } from './support/session';

/** Rated answers become fine-tuning data: 👍/👎 in the chat, a JSONL export in the options page. */
describe('fine-tuning data', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(() => s?.close());

  it('exports the 👍 answers as valid chat fine-tuning lines, and leaves the 👎 ones out', async () => {
    await s.show(s.pages.corpusUrl('wikipedia'));
    s.llm.enqueue(text('Mozilla makes Firefox.'), text('Mozilla makes cars.'));
    const answers = s.panel.getByTestId('assistant-message');
    await ask(s.panel, 'What does Mozilla make?');
    await expect.poll(() => answers.last().getAttribute('data-status')).toBe('complete');
    await answers.last().getByRole('button', { name: 'Good answer' }).click();
    await expect
      .poll(() => answers.last().getByRole('button', { name: 'Good answer' }).getAttribute('aria-pressed'))
      .toBe('true');
    await ask(s.panel, 'And what else?');
    await expect.poll(() => answers.count()).toBe(2);
    await expect.poll(() => answers.last().getAttribute('data-status')).toBe('complete');
    await answers.last().getByRole('button', { name: 'Bad answer' }).click();
    await expect
      .poll(() => answers.last().getByRole('button', { name: 'Bad answer' }).getAttribute('aria-pressed'))
      .toBe('true');

    const options = await openExtensionPage(s.aside, 'options.html');
    const section = options.getByTestId('fine-tune-export');
    await expect.poll(() => section.innerText()).toContain('1 examples');
    const folder = await allowDownloads(s.aside);
    await section.getByRole('button', { name: 'Export fine-tuning data' }).click();
    const file = fs.readFileSync(await waitForDownload(folder, /^aside-fine-tuning-.*\.jsonl$/), 'utf8');
    const lines = file.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const line = fineTuneLineSchema.parse(JSON.parse(lines[0] ?? ''));
    expect(line.messages.slice(1)).toEqual([
      { role: 'user', content: 'What does Mozilla make?' },
      { role: 'assistant', content: 'Mozilla makes Firefox.' },
    ]);
    expect(file).not.toContain('cars');
    await options.close();
  });
});
