import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentToolNames } from '../../lib/agent/tool-names';
import { type RecordedRequest, text, toolCalls } from '../support/openai-server';
import { roleScript, toolResultsOf } from '../support/team-script';
import { enableAgentMode, giveGoal, toolResults } from './support/agent';
import { seriousViolations } from './support/axe';
import { labelProblems } from './support/layout';
import { type Session, startSession } from './support/session';
import { answerAsk, startTeam, teamRun } from './support/team';
import { setUiLanguage } from './support/ui-language';

/**
 * Agent and team runs read like a story (issue 16): tools by human labels,
 * no untrusted-content marker or raw tool id anywhere (Details opened too),
 * the user's answers kept, structured replies shown as what they mean,
 * Markdown while streaming, the final answer once, and labels that never wrap
 * inside a word at 320 and 400 px, in English and Chinese, light and dark,
 * with no serious accessibility finding.
 */
describe('run views', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession();
    await s.show(s.pages.corpusUrl('wikipedia'));
    await enableAgentMode(s.panel);
  });
  afterAll(() => s?.close());

  /** Layout problems of the controls under `root`, at both panel widths, in both languages and both themes. */
  const layoutEverywhere = async (root: string) => {
    const found: string[] = [];
    for (const language of ['en', 'zh-CN'] as const) {
      await setUiLanguage(s.panel, language);
      for (const width of [320, 400]) {
        await s.panel.setViewportSize({ width, height: 900 });
        for (const colorScheme of ['light', 'dark'] as const) {
          await s.panel.emulateMedia({ colorScheme });
          for (const problem of await labelProblems(s.panel, root)) {
            found.push(`${language} ${width}px ${colorScheme}: “${problem.text}” ${problem.problem}`);
          }
        }
      }
    }
    await setUiLanguage(s.panel, 'en');
    await s.panel.emulateMedia({ colorScheme: 'light' });
    return found;
  };

  /** axe in both themes: serious and critical findings only. */
  const axeBothThemes = async (root: string) => {
    const found = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      await s.panel.emulateMedia({ colorScheme });
      found.push(...(await seriousViolations(s.panel, root)));
    }
    await s.panel.emulateMedia({ colorScheme: 'light' });
    return found;
  };

  /** The run's text as a person sees it with every Details disclosure opened by a click. */
  const seenWithDetails = async (root: string) => {
    const summaries = s.panel.locator(`${root} details:not([open]) > summary`);
    while ((await summaries.count()) > 0) await summaries.first().click();
    return s.panel.locator(root).innerText();
  };

  /** What must never show in a run view: a marker, or a tool as the model names it. */
  const leaks = (shown: string) =>
    [/UNTRUSTED_CONTENT/i, /<<</, ...agentToolNames.map((name) => new RegExp(`\\b${name}\\b`))].filter((pattern) =>
      pattern.test(shown),
    );

  it('an agent run: human step labels, the user’s answer kept, Markdown while streaming, the answer once', async () => {
    // The empty state offers example goals; a click puts one in the goal box.
    const examples = s.panel.getByTestId('agent-examples').getByRole('button');
    await expect.poll(() => examples.count()).toBe(3);
    expect(await layoutEverywhere('[data-testid="agent-examples"]')).toEqual([]);
    const example = await examples.first().innerText();
    await examples.first().click();
    expect(await s.panel.getByRole('textbox').last().inputValue()).toBe(example);

    const wikipedia = s.pages.corpusUrl('wikipedia');
    const fetched = s.pages.fixtureUrl('empty.html');
    const answer = '**Summary**: the page is about Mozilla, and you wanted it short. '.repeat(3);
    s.llm.enqueue(
      toolCalls([{ name: 'list_tabs', arguments: '{}' }]),
      (request: RecordedRequest) => {
        const id = (toolResults(request).at(-1) ?? '').match(new RegExp(`id (\\d+)[^\\n]*— ${wikipedia}`))?.[1];
        return toolCalls([{ name: 'read_tab', arguments: `{"tabId": ${id ?? 'missing'}}` }]);
      },
      toolCalls([{ name: 'ask_user', arguments: '{"question":"How long should it be?","choices":["Short","Long"]}' }]),
      toolCalls([{ name: 'fetch_url', arguments: JSON.stringify({ url: fetched }) }]),
      text(answer, { delayMs: 60 }),
    );
    await giveGoal(s.panel, 'Summarize my open article');
    const run = s.panel.getByTestId('agent-run');
    const question = s.panel.getByTestId('agent-ask');
    await expect.poll(() => question.innerText()).toContain('How long should it be?');
    await question.getByRole('button', { name: 'Short' }).click();

    // Consent waits: the card names the action in words, and says what the run is doing.
    const consent = s.panel.getByTestId('agent-consent');
    await expect.poll(() => consent.getByTestId('consent-tool').innerText()).toBe('Fetch page');
    await expect.poll(() => run.getByTestId('run-progress').innerText()).toBe('Step 4 · Waiting for you');
    expect(await layoutEverywhere('[data-testid="agent-run"]')).toEqual([]);
    expect(await axeBothThemes('[data-testid="agent-run"]')).toEqual([]);
    await watchFor(s.panel, 'streaming');
    await consent.getByRole('button', { name: 'Allow once' }).click();

    // The answer streams as Markdown (bold, not asterisks), under a progress line.
    const streaming = await seenWhen(s.panel, 'streaming');
    expect(streaming.text).not.toContain('**');
    expect(streaming.progress).toMatch(/^Step \d+ · Writing…$/);
    await expect.poll(() => run.getAttribute('data-status')).toBe('done');

    const title = await s.tab.title();
    await expect
      .poll(() => run.getByTestId('step-label').allInnerTexts())
      .toEqual(['List open tabs', `Read tab: ${title}`, 'Ask you: How long should it be?', 'Fetch page: Nothing here']);
    await expect.poll(() => run.getByTestId('step-answer').innerText()).toBe('You answered: Short');
    // The model still received the result wrapped; only the view leaves the markers out.
    expect(toolResults(s.llm.requests.at(-1)).at(1)).toMatch(/^<<<UNTRUSTED_CONTENT_[0-9a-f]{16} kind="read_tab/);
    const shown = await seenWithDetails('[data-testid="agent-run"]');
    expect(shown).toContain('Mozilla');
    expect(leaks(shown)).toEqual([]);
    expect(shown.split('Summary: the page is about Mozilla').length - 1).toBe(3);
    await expect.poll(() => s.panel.getByTestId('agent-final').count()).toBe(1);
    expect(await layoutEverywhere('.agent-view')).toEqual([]);
    expect(await axeBothThemes('[data-testid="agent-run"]')).toEqual([]);

    // In Chinese the labels are Chinese too.
    await setUiLanguage(s.panel, 'zh-CN');
    await expect.poll(() => run.getByTestId('step-label').nth(1).innerText()).toBe(`读取标签页：${title}`);
    await expect.poll(() => run.getByTestId('step-answer').innerText()).toBe('你的回答：Short');
    await setUiLanguage(s.panel, 'en');
  });

  it('a task-list team run: lists, not JSON, even while streaming; the header shows only who spoke', async () => {
    const script = roleScript({
      'Task creator': (_request, nth) =>
        text(nth === 0 ? '["Find sources", "Write summary"]' : '[]', { delayMs: nth === 0 ? 150 : 0 }),
      Prioritizer: () => text('[2, 1]'),
      Executor: (request, nth) => {
        if (nth === 0) return toolCalls([{ id: 'ask_0', name: 'ask_user', arguments: '{"question":"Go ahead?"}' }]);
        if (toolResultsOf(request).length === 1 && nth === 1) {
          return toolCalls([{ id: 'page_0', name: 'get_current_page', arguments: '{}' }]);
        }
        return text(nth >= 4 ? '**All tasks done.** Sources found, summary written.' : `Task ${nth} done.`);
      },
    });
    s.llm.setFallback(script);
    await watchFor(s.panel, 'planning');
    await startTeam(s.panel, 'preset-plan-task', 'Summarize the open article');
    const run = teamRun(s.panel);

    // The creator's JSON streams: the panel says it is planning, and the header lists only who has spoken.
    const creator = run.locator('[data-testid="team-turn"][data-agent-id="creator"]').first();
    const planning = await seenWhen(s.panel, 'planning');
    expect(planning.text).not.toContain('["');
    expect(planning.chips).not.toContain('executor');
    const chips = () =>
      run.locator('[data-testid="team-usage"] li').evaluateAll((items) => items.map((i) => i.dataset.agentId));

    const ask = s.panel.getByTestId('agent-ask');
    await expect.poll(() => ask.innerText()).toContain('Go ahead?');
    expect(await layoutEverywhere('[data-testid="team-run"]')).toEqual([]);
    await answerAsk(s.panel, 'Yes, go');
    await expect.poll(() => run.getAttribute('data-status'), { timeout: 30_000 }).toBe('done');

    await expect.poll(() => creator.innerText()).toContain('Proposed tasks:\nFind sources\nWrite summary');
    const prioritizer = run.locator('[data-testid="team-turn"][data-agent-id="prioritizer"]');
    await expect.poll(() => prioritizer.innerText()).toContain('Tasks in order:\nWrite summary\nFind sources');
    await expect.poll(() => chips()).toEqual(['creator', 'prioritizer', 'executor']);
    const executorSteps = run.locator('[data-agent-id="executor"] [data-testid="step-label"]');
    await expect
      .poll(() => executorSteps.allInnerTexts())
      .toEqual(['Ask you: Go ahead?', `Read this page: ${await s.tab.title()}`]);
    await expect.poll(() => run.getByTestId('step-answer').innerText()).toBe('You answered: Yes, go');
    // The executor's last turn is the answer: written once, below the transcript.
    await expect.poll(() => run.getByTestId('team-answer-below').count()).toBe(1);
    const shown = await seenWithDetails('[data-testid="team-run"]');
    expect(shown.split('All tasks done.').length - 1).toBe(1);
    expect(leaks(shown)).toEqual([]);
    expect(await layoutEverywhere('[data-testid="team-run"]')).toEqual([]);
    expect(await axeBothThemes('[data-testid="team-run"]')).toEqual([]);
  });
});

/** A moment of a run view that lasts only while a model streams. */
type Moment = 'streaming' | 'planning';
interface Seen {
  readonly text: string;
  readonly progress: string | null;
  readonly chips: (string | undefined)[];
}
type Watched = Record<Moment, Promise<Seen>>;

/**
 * Starts watching the panel for `moment`: the agent's answer streaming with some bold in it, or the team's task
 * creator still planning. The view is read in the page at the first DOM change that shows the moment, all parts at
 * once: polled from the test, a stream of a second or two can end between two polls on a loaded machine.
 */
function watchFor(panel: Page, moment: Moment): Promise<void> {
  return panel.evaluate((moment) => {
    const read = (): Seen | null => {
      if (moment === 'streaming') {
        const run = document.querySelector<HTMLElement>('[data-testid="agent-run"]');
        const streaming = run?.querySelector<HTMLElement>('[data-testid="agent-streaming"]');
        if (!run || !streaming?.querySelector('strong')) return null;
        const progress = run.querySelector<HTMLElement>('[data-testid="run-progress"]');
        return { text: streaming.innerText, progress: progress?.innerText ?? null, chips: [] };
      }
      const run = document.querySelector<HTMLElement>('[data-testid="team-run"]');
      const creator = run?.querySelector<HTMLElement>('[data-testid="team-turn"][data-agent-id="creator"]');
      if (!run || !creator?.innerText.includes('planning…')) return null;
      const chips = [...run.querySelectorAll<HTMLElement>('[data-testid="team-usage"] li')];
      return { text: run.innerText, progress: null, chips: chips.map((chip) => chip.dataset.agentId) };
    };
    const watched = globalThis as unknown as Partial<Watched>;
    watched[moment] = new Promise<Seen>((resolve, reject) => {
      const observer = new MutationObserver(() => {
        const seen = read();
        if (!seen) return;
        observer.disconnect();
        clearTimeout(timer);
        resolve(seen);
      });
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`The panel never showed the ${moment} moment`));
      }, 60_000);
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    });
  }, moment);
}

/** What the panel showed at the moment `watchFor` waited for. */
function seenWhen(panel: Page, moment: Moment): Promise<Seen> {
  return panel.evaluate((moment) => (globalThis as unknown as Watched)[moment], moment);
}
