import { describe, expect, it } from 'vitest';
import { parseQueries } from './rewrite-queries';

describe('parseQueries', () => {
  it('reads one query a line, without numbering, bullets, quotes or repeats, at most three', () => {
    const reply =
      '1. "loxley bridge opening date"\n- Loxley Bridge history\n\n2) loxley bridge opening date\n• 洛克斯利桥 通车\nfourth one';
    expect(parseQueries(reply, 'q')).toEqual([
      'loxley bridge opening date',
      'Loxley Bridge history',
      '洛克斯利桥 通车',
    ]);
  });

  it('falls back to the question when the reply has no query', () => {
    expect(parseQueries('  \n', 'When did it open?')).toEqual(['When did it open?']);
  });
});
