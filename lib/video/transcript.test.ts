import { describe, expect, it } from 'vitest';
import { transcriptLines, transcriptMarkdown } from './transcript';

describe('transcript Markdown', () => {
  it('joins captions into lines of up to 15 s, Chinese without spaces', () => {
    expect(
      transcriptLines([
        { start: 0, text: 'Welcome' },
        { start: 2, text: ' back. ' },
        { start: 16, text: 'Later.' },
        { start: 20, text: '' },
        { start: 32, text: '大家好，' },
        { start: 33, text: '欢迎。' },
      ]),
    ).toEqual([
      { start: 0, text: 'Welcome back.' },
      { start: 16, text: 'Later.' },
      { start: 32, text: '大家好，欢迎。' },
    ]);
  });

  it('puts title, channel, length, language and description before timed lines', () => {
    const markdown = transcriptMarkdown({
      site: 'youtube',
      title: 'Rain',
      channel: 'Aside Weather',
      description: 'Why it rains.',
      durationSec: 0,
      language: 'en',
      languageName: 'English (auto-generated)',
      automatic: true,
      cues: [
        { start: 0, text: 'Hello.' },
        { start: 65, end: 70, text: 'Storms.' },
      ],
    });
    expect(markdown).toBe(
      [
        '# Rain',
        'Channel: Aside Weather · Length: 01:10 · Captions: English (auto-generated) (automatic)',
        '## Description',
        'Why it rains.',
        '## Transcript',
        '[00:00] Hello.',
        '[01:05] Storms.',
      ].join('\n\n'),
    );
  });
});
