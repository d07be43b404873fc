// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { findPassage } from './find-passage';

const root = (html: string) => {
  const element = document.createElement('div');
  element.innerHTML = html;
  return element;
};

describe('finding a cited passage in the reader', () => {
  it('finds the paragraph holding the passage, not its container', () => {
    const body = root('<div><p>First part.</p><p>The tide at Porto rises   twice a day.</p></div>');
    expect(findPassage(body, 'The tide at Porto rises twice a day.')?.outerHTML).toBe(
      '<p>The tide at Porto rises   twice a day.</p>',
    );
  });

  it('matches on the opening when the rendered text differs further on', () => {
    const opening =
      '潮汐每天涨落两次，在波尔图尤其明显，渔民据此安排出海时间，这一习俗已经延续了数百年之久，至今仍然如此，港口的潮汐表每年都会更新。';
    const body = root(`<p>前言。</p><ul><li>${opening} <b>见表</b></li></ul>`);
    expect(findPassage(body, `${opening}见表 2`)?.tagName).toBe('LI');
  });

  it('finds nothing for a passage that is not there', () => {
    expect(findPassage(root('<p>Something else.</p>'), 'Not in the text at all.')).toBeNull();
    expect(findPassage(root('<p>Something else.</p>'), '  ')).toBeNull();
  });
});
