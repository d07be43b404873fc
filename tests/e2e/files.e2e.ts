import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDocx } from '../support/docx-writer';
import { text } from '../support/openai-server';
import { column, writePdf } from '../support/pdf-writer';
import { readTable } from './support/aside-db';
import { ask, lastChatBody, lastPrompt, newChat, type Session, startSession } from './support/session';

/**
 * Local files: attached in the composer, several at once, they go to the
 * provider as untrusted blocks with this request's nonce and stay in the chat;
 * saved from the Library tab they are found by a Chinese word, and a library
 * answer's citation opens the reader view at the passage; a broken file says
 * so and nothing is saved.
 */
// Reading a PDF starts the offscreen document and pdf.js: slow on a busy 2-core machine.
describe('local files', { timeout: 120_000 }, () => {
  let s: Session;
  // Starting the browser under the shared machine's load can take longer than the default hook timeout.
  beforeAll(async () => {
    s = await startSession();
  }, 180_000);
  afterAll(() => s?.close());

  const docx = (name: string, paragraphs: Parameters<typeof writeDocx>[0]) => ({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: writeDocx(paragraphs),
  });
  const tides = docx('tides.docx', [
    { text: 'Tide tables', heading: 1 },
    { text: 'The tide at Porto rises twice a day, about every twelve hours and twenty-five minutes.' },
  ]);
  const notes = {
    name: 'notes.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from('# Harbour notes\n\n- Moor at berth 7.\n'),
  };
  const report = {
    name: 'rain.pdf',
    mimeType: 'application/pdf',
    buffer: writePdf({ pages: [{ lines: [{ text: 'Rainfall in Lisbon peaks in November.', x: 72, y: 700 }] }] }),
  };

  it('attaches a Word file, a Markdown file and a PDF to a chat, and the request carries their text', async () => {
    await s.panel.getByRole('tab', { name: 'Chat' }).click();
    await newChat(s.panel);
    await s.panel.getByTestId('attach-input').setInputFiles([tides, notes, report]);
    const attached = s.panel.getByTestId('attached-files').getByTestId('file-item');
    await expect.poll(() => attached.count()).toBe(3);
    await expect
      .poll(() => s.panel.locator('[data-testid="attached-files"] [data-status="ready"]').count(), { timeout: 60_000 })
      .toBe(3);
    expect(await attached.nth(2).innerText()).toMatch(/rain\.pdf\s+1 page · about \d+ tokens/);
    // One row per file, no list bullet, at the panel's narrowest width too.
    const size = s.panel.viewportSize();
    await s.panel.setViewportSize({ width: 320, height: size?.height ?? 700 });
    const bulleted = (items: Element[]) =>
      items.filter(
        (li) => getComputedStyle(li).display === 'list-item' && getComputedStyle(li).listStyleType !== 'none',
      ).length;
    expect(await attached.evaluateAll(bulleted)).toBe(0);
    if (size) await s.panel.setViewportSize(size);
    // The context bar names the files that go with the question.
    expect(await s.panel.getByTestId('context-status').innerText()).toMatch(/ · \+ 3 files\b/);

    s.llm.enqueue(text('Berth 7, twice a day.'));
    await ask(s.panel, 'Where do we moor, and how often does the tide rise?');
    await expect.poll(() => s.panel.getByTestId('assistant-message').last().innerText()).toContain('Berth 7');
    const sent = lastPrompt(s.llm);
    expect(sent).toMatch(/UNTRUSTED_CONTENT_[0-9a-f]{16} kind="file" title="tides.docx"/);
    expect(sent).toContain('# Tide tables\n\nThe tide at Porto rises twice a day');
    expect(sent).toMatch(/kind="file" title="notes.md"\n# Harbour notes\n\n- Moor at berth 7\./);
    expect(sent).toMatch(/kind="PDF file" title="rain.pdf"\n\[Page 1\]\n\nRainfall in Lisbon peaks in November\./);
    expect(sent.endsWith('Where do we moor, and how often does the tide rise?')).toBe(true);
    // The nonce is the one the system prompt names, and the question says what is in context.
    const nonce = /UNTRUSTED_CONTENT_([0-9a-f]{16})/.exec(sent)?.[1];
    expect(lastChatBody(s.llm).messages?.[0]?.content).toContain(`UNTRUSTED_CONTENT_${nonce}`);
    const question = s.panel.getByTestId('user-message').last().getByTestId('message-files');
    expect(await question.innerText()).toMatch(
      /tides\.docx · about \d+ tokens[\s\S]*notes\.md[\s\S]*rain\.pdf · 1 page/,
    );
    expect(await s.panel.getByTestId('attached-files').count()).toBe(0);

    // The files stay in this chat: a follow-up question is asked with them, under the new request's nonce.
    s.llm.enqueue(text('About 12 h 25 min.'));
    await ask(s.panel, 'How long between two tides?');
    await expect.poll(() => s.panel.getByTestId('assistant-message').last().innerText()).toContain('12 h 25');
    const again = JSON.stringify(lastChatBody(s.llm).messages);
    const next = /UNTRUSTED_CONTENT_([0-9a-f]{16})/.exec(again)?.[1];
    expect(next).not.toBe(nonce);
    expect(again).toContain('twelve hours and twenty-five minutes');
  });

  it('sends a question asked while a file is still being read once the file is read', async () => {
    await newChat(s.panel);
    // 300 pages: reading takes pdf.js a while, so Enter comes before the file is read.
    const pages = Array.from({ length: 300 }, (_, i) => ({
      lines: column([`Logbook page ${i + 1}: the ferry left on time.`, 'Wind from the west, sea calm.']),
    }));
    const logbook = { name: 'logbook.pdf', mimeType: 'application/pdf', buffer: writePdf({ pages }) };
    await s.panel.getByTestId('attach-input').setInputFiles([logbook]);
    s.llm.enqueue(text('The ferry was on time.'));
    await ask(s.panel, 'Was the ferry on time?');
    const answer = s.panel.getByTestId('assistant-message').last();
    await expect.poll(() => answer.innerText(), { timeout: 60_000 }).toContain('The ferry was on time.');
    const sent = lastPrompt(s.llm);
    expect(sent).toMatch(/kind="PDF file" title="logbook.pdf"/);
    expect(sent).toContain('Logbook page 2: the ferry left on time.');
    expect(sent.endsWith('Was the ferry on time?')).toBe(true);
    expect(await s.panel.getByTestId('queued-send').count()).toBe(0);
  });

  it('saves a file to the library, finds it by a Chinese word, and its citation opens the reader at the passage', async () => {
    await s.panel.getByRole('tab', { name: 'Library' }).click();
    const chinese = docx('潮汐手册.docx', [
      { text: '潮汐手册', heading: 1 },
      { text: '港口的潮水每天涨落两次，渔民据此安排出海时间。' },
      { text: '大潮出现在新月和满月前后，此时潮差最大。' },
    ]);
    await s.panel.getByTestId('library-file-input').setInputFiles([chinese]);
    const uploaded = s.panel.getByTestId('library-files').getByTestId('file-item');
    await expect.poll(() => uploaded.innerText(), { timeout: 30_000 }).toContain('Saved to library');

    await s.panel.getByRole('searchbox', { name: 'Search saved pages' }).fill('潮差');
    const items = s.panel.getByTestId('library-item');
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().innerText()).toContain('潮汐手册.docx');
    expect(await items.first().innerText()).toContain('Local file');

    await s.panel.getByRole('tab', { name: 'Chat' }).click();
    await newChat(s.panel);
    await s.panel.getByText('My library', { exact: true }).click();
    await expect
      .poll(() => s.panel.locator('.library-bar').getByTestId('indexing-status').innerText(), { timeout: 60_000 })
      .toContain('1 page indexed');
    s.llm.enqueue(text('大潮出现在新月和满月前后 [1]。'));
    await ask(s.panel, '潮差最大的大潮出现在新月还是满月？');
    const answer = s.panel.getByTestId('assistant-message').last();
    await expect.poll(() => answer.getAttribute('data-status')).toBe('complete');
    expect(lastPrompt(s.llm)).toContain('大潮出现在新月和满月前后');
    // The source is headed by the file's own title, its name beside it, not "潮汐手册.docx › 潮汐手册".
    const source = await answer.getByTestId('source').first().innerText();
    expect(source).toContain('潮汐手册 · 潮汐手册.docx');
    expect(source).not.toContain('›');

    const opened = s.aside.context.waitForEvent('page');
    await answer.locator('.citation').first().click();
    const reader = await opened;
    expect(reader.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\/reader\.html#id=/);
    const cited = reader.getByTestId('cited-passage');
    await expect.poll(() => cited.innerText()).toContain('大潮出现在新月和满月前后，此时潮差最大。');
    // Headed once, by the file's own title; its name is in the small source line, not a second heading.
    const headings = reader.getByTestId('reader').getByRole('heading');
    await expect.poll(() => headings.allInnerTexts()).toEqual(['潮汐手册']);
    expect(await reader.getByTestId('reader-source').innerText()).toBe('潮汐手册.docx · Local file');
    await reader.close();
    await s.panel.getByText('This page', { exact: true }).click();
  });

  it('says why a broken file cannot be read, and saves nothing', async () => {
    await s.panel.getByRole('tab', { name: 'Library' }).click();
    const before = (await readTable(s.aside, 'pages')).length;
    await s.panel
      .getByTestId('library-file-input')
      .setInputFiles([
        { name: 'broken.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004 damaged') },
      ]);
    const failed = s.panel.locator('[data-testid="library-files"] [data-status="failed"]');
    await expect.poll(() => failed.count()).toBe(1);
    expect(await failed.innerText()).toContain(
      'broken.docx cannot be read: it is damaged, or not the kind of file its name says.',
    );
    expect((await readTable(s.aside, 'pages')).length).toBe(before);
  });
});
