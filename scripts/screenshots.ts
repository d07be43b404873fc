/**
 * `npm run screenshots`: the README's pictures, taken from the real built
 * extension in Debian's Chromium, talking to the tests' local
 * OpenAI-compatible server (scripted answers, real wire protocol) about pages
 * of the shared Readability corpus. Writes `docs/screenshots/*.png`.
 *
 * Needs what the E2E tests need: `chromium` installed and `../shared` beside
 * the checkout. Nothing is downloaded.
 */
import fs from 'node:fs';
import path from 'node:path';
import { EmbeddedUi } from '../tests/e2e/support/embedded-ui';
import type { ExtensionGlobal } from '../tests/e2e/support/extension-global';
import { ask, type Session, startSession } from '../tests/e2e/support/session';
import { text } from '../tests/support/openai-server';

const outDir = path.resolve('docs/screenshots');

interface Shot {
  readonly locale: 'en' | 'zh-CN';
  readonly theme: 'light' | 'dark';
  readonly page: string;
  readonly question: string;
  readonly answer: string;
  /** A paragraph of the page to select for the in-page card, and the toolbar action to run on it. */
  readonly selection: { readonly paragraph: number; readonly action: string; readonly answer: string };
}

const shots: readonly Shot[] = [
  {
    locale: 'en',
    theme: 'light',
    page: 'wikipedia',
    question: 'Summarize this page',
    answer: [
      '**Mozilla** is a free-software community founded in 1998 by members of Netscape.',
      '',
      '- It makes **Firefox**, the Thunderbird mail client and the Bugzilla bug tracker.',
      '- The **Mozilla Foundation** sets the direction; the **Mozilla Corporation** develops and ships Firefox.',
      '- Its *Manifesto* sets out principles for an open, accessible Internet.',
      '',
      'Most of the work is done by volunteers, next to paid staff around the world.',
    ].join('\n'),
    selection: {
      paragraph: 0,
      action: 'Explain',
      answer:
        'This sentence says that **Mozilla** is both a community and the name of its projects: it began at Netscape in 1998 and is best known for Firefox.',
    },
  },
  {
    locale: 'zh-CN',
    theme: 'dark',
    page: 'qq',
    question: '总结这篇文章',
    answer: [
      '**DeepMind** 推出了“可微神经计算机”（DNC），把神经网络与外部记忆结合起来。',
      '',
      '- 它能**从例子中自学**，在伦敦地铁图上规划路线、回答家谱问题。',
      '- 与只靠权重记忆的网络不同，DNC 可以**读写外部存储**，处理更复杂的推理。',
      '- 研究发表在《自然》杂志上，被看作人工智能迈向通用推理的一步。',
    ].join('\n'),
    selection: {
      paragraph: 1,
      action: '解释',
      answer: '这段话的意思是：DNC 像计算机一样有可以读写的“内存”，因此能记住并利用学到的知识。',
    },
  },
];

/** Sets the interface language the way the options page stores it, then reloads the panel. */
async function setLanguage(s: Session, locale: Shot['locale']): Promise<void> {
  await s.aside.serviceWorker.evaluate(
    (uiLanguage) =>
      (globalThis as unknown as ExtensionGlobal).chrome.storage.local.set({
        settings: { uiLanguage, pageTokenBudget: 12_000, onboarded: true },
      }),
    locale,
  );
  await s.panel.reload();
}

async function chatShot(s: Session, shot: Shot, name: string): Promise<void> {
  await s.show(s.pages.corpusUrl(shot.page));
  s.llm.enqueue(text(shot.answer, { chunkSize: 12, delayMs: 5 }));
  await ask(s.panel, shot.question);
  await s.panel.locator('[data-testid="assistant-message"][data-status="complete"]').last().waitFor();
  await s.panel.screenshot({ path: path.join(outDir, `${name}.png`) });
}

async function cardShot(s: Session, shot: Shot, name: string): Promise<void> {
  await s.tab.setViewportSize({ width: 1100, height: 720 });
  await s.show(s.pages.corpusUrl(shot.page));
  await s.tab.evaluate((index) => {
    const paragraph = [...document.querySelectorAll('p')].filter((p) => (p.textContent ?? '').trim().length > 60)[
      index
    ];
    if (!paragraph) throw new Error('no paragraph to select');
    paragraph.scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.selectNodeContents(paragraph);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  }, shot.selection.paragraph);
  const ui = new EmbeddedUi(s.tab);
  s.llm.enqueue(text(shot.selection.answer, { chunkSize: 12, delayMs: 5 }));
  await ui.clickButton('[data-testid="aside-toolbar"]', shot.selection.action);
  for (let waited = 0; waited < 15_000; waited += 100) {
    if ((await ui.attribute('[data-testid="aside-card"]', 'data-status')) === 'complete') break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // The selection and the card, not the whole (unstyled corpus) page.
  const box = await ui.evaluate<{ x: number; y: number; width: number; height: number }>(
    '[data-testid="aside-card"]',
    'function () { const r = this.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; }',
  );
  const viewport = s.tab.viewportSize() ?? { width: 1100, height: 720 };
  const clip = box && {
    x: Math.max(0, box.x - 300),
    y: Math.max(0, box.y - 160),
    width: Math.min(viewport.width, box.width + 600),
    height: Math.min(viewport.height - Math.max(0, box.y - 160), box.height + 200),
  };
  await s.tab.screenshot({ path: path.join(outDir, `${name}.png`), ...(clip ? { clip } : {}) });
  await ui.close();
}

async function main(): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  for (const shot of shots) {
    const s = await startSession();
    try {
      const suffix = shot.locale === 'en' ? 'en' : 'zh';
      await s.panel.emulateMedia({ colorScheme: shot.theme });
      await s.tab.emulateMedia({ colorScheme: shot.theme });
      await s.panel.setViewportSize({ width: 400, height: 720 });
      await setLanguage(s, shot.locale);
      await chatShot(s, shot, `panel-${suffix}`);
      await cardShot(s, shot, `card-${suffix}`);
      console.log(`docs/screenshots/panel-${suffix}.png, card-${suffix}.png`);
    } finally {
      await s.close();
    }
  }
}

await main();
