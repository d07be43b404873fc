import { describe, expect, it } from 'vitest';
import { articleSpan } from '../../bench/article-span';

const words = (text: string) => text.split(' ');

describe('articleSpan', () => {
  const article = words('the harbour wakes at dawn when the boats come back with the catch');

  it('leaves out the chrome before and after the article', () => {
    const page = words(
      'home news sport the harbour wakes at dawn when the boats come back with the catch footer links',
    );
    expect(articleSpan(article, page)).toEqual(article);
  });

  it('is not stretched by a stray match far away in a sidebar', () => {
    const chrome = words('related stories and more links to read next in the sidebar of this page');
    const page = [...article, ...chrome, ...chrome, ...words('the boats come back'), ...chrome];
    expect(articleSpan(article, page)).toEqual(article);
  });

  it('keeps a short aside printed inside the article, which then counts against it', () => {
    const page = [...article.slice(0, 7), 'advert', 'here', ...article.slice(7)];
    expect(articleSpan(article, page)).toEqual(page);
  });

  it('gives everything back when nothing matches', () => {
    expect(articleSpan(article, ['nothing', 'alike'])).toEqual(['nothing', 'alike']);
  });
});
