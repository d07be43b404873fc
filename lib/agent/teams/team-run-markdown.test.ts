import { describe, expect, it } from 'vitest';
import { teamRunMarkdown } from './team-run-markdown';

describe('a team run as Markdown', () => {
  it('lists the objective, each turn under its member, decisions, interjections and the answer', () => {
    const names: Record<string, string> = { lead: 'Lead', researcher: 'Researcher' };
    const markdown = teamRunMarkdown(
      { name: 'Research my library' },
      {
        objective: 'What is V8?',
        turns: [
          { id: '1', agentId: 'lead', kind: 'decision', to: 'researcher', text: 'Search.', round: 0, createdAt: 0 },
          { id: '2', agentId: 'researcher', kind: 'message', text: 'A JS engine.', round: 1, createdAt: 0 },
          { id: '3', agentId: 'user', kind: 'interjection', text: 'Keep it short.', round: 1, createdAt: 0 },
          { id: '4', agentId: 'lead', kind: 'decision', text: 'FINISH', round: 1, createdAt: 0 },
        ],
      },
      'V8 is a JS engine.',
      { objective: 'Objective', you: 'You', answer: 'Answer', name: (id) => names[id] ?? id },
    );
    expect(markdown).toBe(
      `${[
        '# Research my library',
        '**Objective:** What is V8?',
        '_Lead → Researcher: Search._',
        '## Researcher\n\nA JS engine.',
        '## You\n\nKeep it short.',
        '_Lead: FINISH_',
        '## Answer\n\nV8 is a JS engine.',
      ].join('\n\n')}\n`,
    );
  });
});
