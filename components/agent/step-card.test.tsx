import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AgentStepRecord } from '../../lib/agent/run-records';
import type { Locale } from '../../lib/i18n/translate';
import { LocaleProvider } from '../hooks/use-t';
import { StepCard } from './step-card';

const answered = {
  tool: 'ask_user',
  arguments: '{"question":"Which city?"}',
  status: 'ok',
  preview: 'The user answered: Oslo',
  durationMs: 12,
} as AgentStepRecord;

const render = (locale: Locale) =>
  renderToStaticMarkup(
    <LocaleProvider locale={locale}>
      <StepCard step={answered} />
    </LocaleProvider>,
  );

describe('a step’s details', () => {
  it('shows the raw result under a heading in the UI language saying it is what the model received', () => {
    const zh = render('zh-CN');
    expect(zh).toContain('发给模型的内容');
    expect(zh).toContain('The user answered: Oslo');
    expect(zh).not.toContain('Sent to the model');
    expect(render('en')).toContain('Sent to the model');
  });
});
