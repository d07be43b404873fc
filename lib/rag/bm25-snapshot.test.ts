import { describe, expect, it } from 'vitest';
import { contentTerms } from '../library/search-terms';
import { Bm25Index, lexicalDoc } from './bm25';
import { titleTerms } from './lexical-doc';

const pages: Record<string, { title: string; texts: string[] }> = {
  bridges: {
    title: 'Golden Gate Bridge',
    texts: ['Suspension bridges carry roads over straits.', 'The towers are painted international orange.'],
  },
  moon: { title: 'Apollo 11', texts: ['Armstrong and Aldrin walked on the Moon in 1969.', '奥尔德林在月球上行走。'] },
  rice: { title: '米饭', texts: ['电饭锅煮米饭很方便。', 'Rice cookers switch off when the water is gone.'] },
  old: { title: 'Removed later', texts: ['Orange bridges of an old page about the Moon.'] },
};

/** An index with every kind of history: pages added, a chunk replaced, a page removed, a title changed. */
function built(): Bm25Index {
  const index = new Bm25Index();
  for (const [pageId, page] of Object.entries(pages)) {
    index.add(
      pageId,
      page.texts.map((text, i) => lexicalDoc(`${pageId}#${i}`, text, i === 1 ? ['Details'] : [])),
      titleTerms(page.title),
    );
  }
  index.add('bridges', [lexicalDoc('bridges#1', 'The towers were repainted orange in 1968.')]);
  index.removePage('old');
  index.add('moon', [], titleTerms('Moon landing'));
  return index;
}

const queries = ['orange bridge towers', 'moon landing Aldrin', '奥尔德林', '米饭 rice', 'removed old page', 'apollo'];

describe('the keyword index snapshot', () => {
  it('opens into an index that answers every query as the original does, scores included', () => {
    const original = built();
    const restored = Bm25Index.fromSnapshot(structuredClone(original.toSnapshot()));
    expect(restored.size).toBe(original.size);
    for (const query of queries) {
      const terms = contentTerms(query);
      expect(restored.search(terms, 10)).toEqual(original.search(terms, 10));
      expect(restored.search(terms, 10, new Set(['moon']))).toEqual(original.search(terms, 10, new Set(['moon'])));
    }
    // The removed page's only terms are gone, not merely dead.
    expect(restored.someTerm((term) => term === 'old')).toBe(false);
    expect(original.someTerm((term) => term === 'old')).toBe(true);
  });

  it('keeps being updated like the original after it is opened', () => {
    const original = built();
    const restored = Bm25Index.fromSnapshot(original.toSnapshot());
    for (const index of [original, restored]) {
      index.add('tea', [lexicalDoc('tea#0', 'Green tea and orange peel.')], titleTerms('Tea'));
      index.add('bridges', [lexicalDoc('bridges#0', 'Cable-stayed bridges differ from suspension bridges.')]);
      index.removePage('rice');
    }
    for (const query of [...queries, 'tea orange', 'cable suspension']) {
      expect(restored.search(contentTerms(query), 10)).toEqual(original.search(contentTerms(query), 10));
    }
  });

  it('is refused when torn or of another format, so the caller rebuilds from the keyword rows', () => {
    const snapshot = built().toSnapshot();
    expect(() => Bm25Index.fromSnapshot({ ...snapshot, format: snapshot.format + 1 })).toThrow(/format/);
    expect(() => Bm25Index.fromSnapshot({ ...snapshot, chunkIds: `${snapshot.chunkIds}\0extra` })).toThrow(/names/);
    expect(() => Bm25Index.fromSnapshot({ ...snapshot, titles: snapshot.titles.slice(1) })).toThrow();
  });

  it('of an empty index opens empty', () => {
    const restored = Bm25Index.fromSnapshot(new Bm25Index().toSnapshot());
    expect(restored.size).toBe(0);
    expect(restored.search(['moon'], 5)).toEqual([]);
  });
});
