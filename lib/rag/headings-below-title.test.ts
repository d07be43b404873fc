import { describe, expect, it } from 'vitest';
import { headingsBelowTitle } from './headings-below-title';

describe('headingsBelowTitle', () => {
  it('drops leading headings that repeat the page title, however cased or spaced', () => {
    expect(headingsBelowTitle('Killer Whale', ['Killer whale', 'Diet'])).toEqual(['Diet']);
    expect(headingsBelowTitle('奥尔德林', ['奥尔德林', '奥尔德林', '早年'])).toEqual(['早年']);
    expect(headingsBelowTitle('Café  culture', ['cafe culture'])).toEqual([]);
  });

  it('keeps headings that differ from the title, and a title heading deeper down', () => {
    expect(headingsBelowTitle('Killer whale', ['Orcas', 'Killer whale'])).toEqual(['Orcas', 'Killer whale']);
    expect(headingsBelowTitle('', ['', 'Intro'])).toEqual(['', 'Intro']);
  });
});
