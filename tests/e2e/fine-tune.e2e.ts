import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dpoLineSchema, plainPairLineSchema, type SftLine, sftLineSchema } from '../../lib/finetune/finetune-schemas';
import { text, toolCalls } from '../support/openai-server';
import { enableAgentMode, giveGoal } from './support/agent';
import { readTable } from './support/aside-db';
import { allowDownloads, waitForDownload } from './support/downloads';
import { EmbeddedUi } from './support/embedded-ui';
import { openExtensionPage } from './support/extension';
import { ask, type Session, startSession } from './support/session';

/** The rows of a downloaded JSONL file, each parsed as JSON. */
function readJsonl(file: string): unknown[] {
  const rows = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
  return rows.map((row) => JSON.parse(row));
}

/** Waits until a toggle button shows the state a click should have stored. */
async function pressed(scope: ReturnType<Page['getByTestId']>, name: string) {
  const button = scope.getByRole('button', { name });
  await button.click();
  await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
}

/**
 * Fine-tuning data end to end: 👍/👎, rewrites and kept regenerations in the
 * chat, a rated agent run with a tool call, a rated in-page card, then the
 * options page's counts and both JSONL exports, every line validated.
 */
describe('fine-tuning data', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(() => s?.close());

  const answers = () => s.panel.getByTestId('assistant-message');
  const settle = async (count: number) => {
    await expect.poll(() => answers().count()).toBe(count);
    await expect.poll(() => answers().last().getAttribute('data-status')).toBe('complete');
  };

  it('rates, rewrites and regenerates chat answers; keeps every version', async () => {
    await s.show(s.pages.corpusUrl('wikipedia'));
    s.llm.enqueue(text('Mozilla makes Firefox.'), text('Canberra is in Sydney.'), text('Blue.'), text('Red.'));
    await ask(s.panel, 'What does Mozilla make?');
    await settle(1);
    await pressed(answers().last(), 'Good answer');

    await ask(s.panel, 'Where is Canberra?');
    await settle(2);
    await answers().last().getByRole('button', { name: 'Edit answer' }).click();
    await answers().last().getByLabel('Your version of the answer').fill('Canberra is the capital of Australia.');
    await answers().last().getByRole('button', { name: 'Save my version' }).click();
    await expect.poll(() => answers().last().innerText()).toContain('Canberra is the capital of Australia.');
    expect(await answers().last().getByTestId('answer-edited').count()).toBe(1);

    await ask(s.panel, 'Name a colour');
    await settle(3);
    await answers().last().getByRole('button', { name: 'Regenerate' }).click();
    await expect.poll(() => answers().last().innerText()).toContain('Red.');
    await expect.poll(() => answers().last().getAttribute('data-status')).toBe('complete');
    const switcher = answers().last().getByTestId('version-switcher');
    await expect.poll(() => switcher.innerText()).toContain('2/2');
    // The first answer is still there: show it again and prefer it.
    await switcher.getByRole('button', { name: 'Previous version' }).click();
    await expect.poll(() => answers().last().innerText()).toContain('Blue.');
    expect(await switcher.innerText()).toContain('1/2');
    await pressed(answers().last(), 'Good answer');
    expect(await answers().count()).toBe(3);
  });

  it('rates an agent run whose answer came after a tool call', async () => {
    await enableAgentMode(s.panel);
    s.llm.enqueue(toolCalls([{ name: 'get_datetime', arguments: '{}', id: 'call-time' }]), text('It is **today**.'));
    await giveGoal(s.panel, 'What day is it?');
    const final = s.panel.getByTestId('agent-final');
    await expect.poll(() => final.innerText()).toContain('It is today.');
    await pressed(final, 'Good answer');
  });

  it('rates an in-page card answer, which joins the data as an action exchange', async () => {
    await s.show(s.pages.fixtureUrl('embedded.html'));
    s.llm.enqueue(text('敏捷的棕色狐狸。'));
    await s.tab.evaluate(() => {
      const element = document.getElementById('english');
      if (!element) throw new Error('no #english');
      const range = document.createRange();
      range.selectNodeContents(element);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    });
    // The card is in a closed shadow root: reached over CDP, clicked with the real mouse.
    const ui = new EmbeddedUi(s.tab);
    try {
      await ui.clickButton('[data-testid="aside-toolbar"]', 'Translate');
      await expect.poll(() => ui.attribute('[data-testid="aside-card"]', 'data-status')).toBe('done');
      await ui.clickButton('[data-testid="aside-card"]', 'Good answer');
      await expect
        .poll(() => ui.attribute('[data-testid="aside-card"] button[aria-label="Good answer"]', 'aria-pressed'))
        .toBe('true');
      // Stored by the background from its own copy of the run: the exchange joins the data.
      await expect
        .poll(async () =>
          ((await readTable(s.aside, 'messages')) as { content: string; rating?: string }[]).some(
            (message) => message.content === '敏捷的棕色狐狸。' && message.rating === 'up',
          ),
        )
        .toBe(true);
    } finally {
      await ui.close();
    }
  });

  it('shows counts under the filters and exports valid SFT and preference JSONL', async () => {
    const options = await openExtensionPage(s.aside, 'options.html');
    const section = options.getByTestId('fine-tune-export');
    const counts = section.getByTestId('fine-tune-counts');
    // 👍: Mozilla, Blue, the agent run, the card; the rewrite counts with all ratings.
    // Pairs: the rewrite over the original, Blue over Red.
    await expect.poll(() => counts.innerText()).toBe('SFT examples: 5 · Preference pairs: 2');
    await section.getByLabel('Ratings').selectOption('up');
    await expect.poll(() => counts.innerText()).toBe('SFT examples: 4 · Preference pairs: 1');
    await section.getByLabel('Model').selectOption('test-model');
    await expect.poll(() => counts.innerText()).toBe('SFT examples: 4 · Preference pairs: 1');
    await section.getByLabel('Since').fill('2999-01-01');
    await expect.poll(() => counts.innerText()).toBe('SFT examples: 0 · Preference pairs: 0');
    await section.getByLabel('Since').fill('');
    await section.getByLabel('Ratings').selectOption('rated');
    await expect.poll(() => counts.innerText()).toBe('SFT examples: 5 · Preference pairs: 2');

    const folder = await allowDownloads(s.aside);
    await section.getByRole('button', { name: 'Export SFT examples' }).click();
    const sft = readJsonl(await waitForDownload(folder, /^aside-fine-tuning-sft-.*\.jsonl$/)).map((row) =>
      sftLineSchema.parse(row),
    );
    expect(sft).toHaveLength(5);
    const last = (line: SftLine) => line.messages.at(-1)?.content;
    expect(sft.map(last)).toEqual(
      expect.arrayContaining([
        'Mozilla makes Firefox.',
        'Canberra is the capital of Australia.',
        'Blue.',
        'It is **today**.',
        '敏捷的棕色狐狸。',
      ]),
    );
    // The agent run: its tool definition, the call, and the result paired by id before the answer.
    const agentLine = sft.find((line) => line.tools);
    expect(agentLine?.tools?.map((tool) => tool.function.name)).toEqual(['get_datetime']);
    const roles = agentLine?.messages.map((m) => m.role);
    expect(roles).toEqual(['system', 'user', 'assistant', 'tool', 'assistant']);
    const call = agentLine?.messages[2];
    const result = agentLine?.messages[3];
    expect(call?.role === 'assistant' && call.tool_calls?.[0]?.function.name).toBe('get_datetime');
    expect(result?.role === 'tool' && result.tool_call_id).toBe(
      call?.role === 'assistant' ? call.tool_calls?.[0]?.id : 'no call',
    );
    // The card's line carries the filled-in template that was sent, selection wrapped as data.
    const cardLine = sft.find((line) => last(line) === '敏捷的棕色狐狸。');
    expect(cardLine?.messages[0]?.content).toContain('text the user selected in a web page');
    expect(cardLine?.messages[1]?.content).toMatch(/<<<UNTRUSTED_CONTENT_[0-9a-f]{16} kind="selected text"/);
    expect(JSON.stringify(sft)).not.toContain('Red.');

    await section.getByRole('button', { name: 'Export preference pairs' }).click();
    const plain = readJsonl(await waitForDownload(folder, /^aside-preference-pairs-plain-.*\.jsonl$/)).map((row) =>
      plainPairLineSchema.parse(row),
    );
    expect(plain.map((pair) => [pair.chosen[0]?.content, pair.rejected[0]?.content])).toEqual([
      ['Canberra is the capital of Australia.', 'Canberra is in Sydney.'],
      ['Blue.', 'Red.'],
    ]);
    expect(plain[1]?.prompt.at(-1)).toEqual({ role: 'user', content: 'Name a colour' });

    await section.getByLabel('Preference format').selectOption('dpo');
    await section.getByRole('button', { name: 'Export preference pairs' }).click();
    const dpo = readJsonl(await waitForDownload(folder, /^aside-preference-pairs-dpo-.*\.jsonl$/)).map((row) =>
      dpoLineSchema.parse(row),
    );
    expect(dpo.map((pair) => pair.preferred_output[0]?.content)).toEqual([
      'Canberra is the capital of Australia.',
      'Blue.',
    ]);
    await options.close();
  });
});
